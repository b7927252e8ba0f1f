"""schema.org nodes for the JSON-LD graph. One graph per page; nodes point
at each other by "@id", so the clinic and the site are described once.

Page-agnostic: a page passes in what it knows (its crumbs, its authors and
their URLs) and adds its own nodes (blog/meta.py adds the article's)."""

from datetime import datetime

from django.utils import timezone

from clinic.opening_hours import opening_hours_specification

from .meta import absolute_url, clinic_settings, share_image, site_name


def local_iso(moment):
    """Japan time, as the article shows it (2026-11-24T09:00:00+09:00); a
    plain date stays a date."""
    if isinstance(moment, datetime):
        return timezone.localtime(moment).isoformat()
    return moment.isoformat() if moment else None


def clinic_id(request):
    return absolute_url(request, "/") + "#clinic"


def website_id(request):
    return absolute_url(request, "/") + "#website"


def breadcrumb_id(request, crumbs):
    return absolute_url(request, crumbs[-1][1]) + "#breadcrumbs"


def website_node(request):
    return {
        "@type": "WebSite",
        "@id": website_id(request),
        "url": absolute_url(request, "/"),
        "name": site_name(request),
        "inLanguage": "ja",
        "publisher": {"@id": clinic_id(request)},
    }


def clinic_node(request):
    """The clinic as a schema.org MedicalBusiness (a LocalBusiness)."""
    clinic = clinic_settings(request)
    node = {
        "@type": "MedicalBusiness",
        "@id": clinic_id(request),
        "name": site_name(request),
        "url": absolute_url(request, "/"),
        "image": share_image(request).url,
    }
    if clinic.address or clinic.postal_code:
        node["address"] = {
            "@type": "PostalAddress",
            "postalCode": clinic.postal_code,
            "streetAddress": clinic.address,
            "addressCountry": "JP",
        }
    if clinic.phone:
        node["telephone"] = clinic.phone
    hours = opening_hours_specification(clinic.opening_hours_lines)
    if hours:
        node["openingHoursSpecification"] = hours
    return node


def site_nodes(request):
    """The two nodes every page's graph ends with."""
    return [website_node(request), clinic_node(request)]


def breadcrumb_node(request, crumbs):
    """The visible breadcrumbs, (label, url) pairs, as a BreadcrumbList."""
    return {
        "@type": "BreadcrumbList",
        "@id": breadcrumb_id(request, crumbs),
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": str(label), "item": absolute_url(request, url)}
            for position, (label, url) in enumerate(crumbs, start=1)
        ],
    }


def person_node(request, person, url=None):
    """A person (an author or a reviewer: name, job_title, clinic, links) as
    a Person; worksFor is their own clinic when it is not the site's clinic,
    the site's clinic otherwise."""
    node = {"@type": "Person", "name": person.name}
    if person.job_title:
        node["jobTitle"] = person.job_title
    if person.clinic and person.clinic != site_name(request):
        node["worksFor"] = {"@type": "MedicalBusiness", "name": person.clinic}
    else:
        node["worksFor"] = {"@id": clinic_id(request)}
    links = [link for _label, link in person.links]
    if links:
        node["sameAs"] = links
    if url:
        node["url"] = absolute_url(request, url)
    return node


def faq_page(questions):
    """What makes a page node a schema.org FAQPage: every (question, answer)
    pair it shows, answers as plain text. Merged into the page's own node
    (Google reads FAQPage from the page, with each Question as mainEntity)."""
    return {
        "@type": "FAQPage",
        "mainEntity": [
            {"@type": "Question", "name": question, "acceptedAnswer": {"@type": "Answer", "text": answer}}
            for question, answer in questions
        ],
    }


def web_page_node(request, name, crumbs, questions=()):
    """A plain page (a 固定ページ) as a WebPage, or a FAQPage when it shows
    questions and answers; its URL is the last crumb's."""
    url = absolute_url(request, crumbs[-1][1])
    node = {
        "@type": "WebPage",
        "@id": url,
        "url": url,
        "name": str(name),
        "inLanguage": "ja",
        "isPartOf": {"@id": website_id(request)},
        "breadcrumb": {"@id": breadcrumb_id(request, crumbs)},
    }
    if questions:
        node.update(faq_page(questions))
    return node
