"""The wording checks against the labelled set, and their speed.

    .venv/bin/python benchmarks/wording.py [--profession seitai] [--articles 10000] [--verbose]
    .venv/bin/python benchmarks/wording.py --site 10000   # also the real audit, on a throwaway SQLite blog

Prints recall (clear claims found) and false alarms (fine sentences
flagged) per category on tests/wording/data/labelled.tsv, the time to check
a 3,000-character article, and the site audit's time for --articles
articles (the demo's article bodies, checked as check_wording --site checks
them, database reads left out; measured on 500 and extrapolated).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.test")
if "--site" in sys.argv:
    # The real audit needs a blog: a throwaway SQLite file, never your data.
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='teate-wording-bench-')}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from blog.blocks import ArticleBodyBlock  # noqa: E402
from blog.models import ArticlePage  # noqa: E402
from demo.content import ARTICLES  # noqa: E402
from wording.checker import check_text  # noqa: E402
from wording.pages import check_page, texts_of  # noqa: E402
from wording.rules import CATEGORIES, rules_for  # noqa: E402

LABELLED = PROJECT / "tests" / "wording" / "data" / "labelled.tsv"


def labelled(path=None):
    path = path or LABELLED
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            label, category, sentence = line.split("\t")
            yield label, category, sentence


def accuracy(rules, verbose=False, path=None):
    counts = defaultdict(lambda: {"claims": 0, "found": 0, "right_category": 0, "fine": 0, "alarms": 0})
    for label, category, sentence in labelled(path):
        findings = check_text(sentence, rules)
        row = counts[category]
        if label == "claim":
            row["claims"] += 1
            row["found"] += bool(findings)
            row["right_category"] += any(f.rule.category == category for f in findings)
            if verbose and not findings:
                print(f"  missed  [{category}] {sentence}")
            elif verbose and not any(f.rule.category == category for f in findings):
                print(f"  other   [{category}] {sentence} → {[(f.match, f.rule.category) for f in findings]}")
        else:
            row["fine"] += 1
            row["alarms"] += bool(findings)
            if verbose and findings:
                print(f"  alarm   [{category}] {sentence} → {[f.match for f in findings]}")
    return counts


def print_accuracy(counts):
    print(f"{'category':<14} {'claims':>6} {'recall':>7} {'same cat.':>9} {'fine':>5} {'false alarms':>13}")
    total = defaultdict(int)
    for category in CATEGORIES:
        row = counts[category]
        for key, value in row.items():
            total[key] += value
        recall = row["found"] / row["claims"] if row["claims"] else float("nan")
        same = row["right_category"] / row["claims"] if row["claims"] else float("nan")
        alarms = row["alarms"] / row["fine"] if row["fine"] else float("nan")
        print(f"{category:<14} {row['claims']:>6} {recall:>7.2f} {same:>9.2f} {row['fine']:>5} {alarms:>13.2f}")
    print(
        f"{'all':<14} {total['claims']:>6} {total['found'] / total['claims']:>7.2f} "
        f"{total['right_category'] / total['claims']:>9.2f} {total['fine']:>5} {total['alarms'] / total['fine']:>13.2f}"
    )
    return total


def demo_pages():
    """The demo's articles as unsaved pages (no database needed)."""
    block = ArticleBodyBlock()
    pages = []
    for article in ARTICLES:
        raw = [{"type": kind, "value": value} for kind, value in article["body"] if kind not in {"figure", "video"}]
        body = block.to_python(raw)
        # content_type_id given: no database needed for a page that is only read.
        pages.append(ArticlePage(title=article["title"], lead=article["lead"], body=body, content_type_id=1))
    return pages


def article_text(chars=3000):
    sentences = [sentence for _label, _category, sentence in labelled()]
    text, i = "", 0
    while len(text) < chars:
        text += sentences[i % len(sentences)]
        i += 1
    return text[:chars]


def timing(rules, articles):
    text = article_text()
    check_text(text, rules)  # the dictionary loads once per process
    runs, cpu = [], []
    for _ in range(20):
        start, start_cpu = time.perf_counter(), time.process_time()
        check_text(text, rules)
        runs.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    print(
        f"\n3,000-character article: median {statistics.median(runs):.1f} ms, worst {max(runs):.1f} ms "
        f"(CPU median {statistics.median(cpu):.1f} ms; target ≤ 50 ms)"
    )
    pages = demo_pages()
    sample = 500
    start = time.perf_counter()
    for i in range(sample):
        check_page(pages[i % len(pages)], rules)
    each = (time.perf_counter() - start) / sample
    chars = statistics.mean(sum(len(text) for _place, text in texts_of(page)) for page in pages)
    print(f"demo article (~{chars:.0f} characters of text): {each * 1000:.1f} ms each, measured on {sample}")
    print(f"site audit of {articles:,} articles: ~{each * articles / 60:.1f} minutes of checking (+ reading the pages)")


def measure_site(count, profession):
    """check_wording --site's audit, for real, on `count` bulk articles (each
    with the tests' sample body: headings, checklist, steps, note, and a
    patient's quote that the audit flags, as an old WordPress post might)."""
    from django.core.management import call_command

    from tests.factories import AuthorFactory, CategoryFactory, make_articles, make_site
    from wording.audit import audit
    from wording.site import clinic_checks

    call_command("migrate", verbosity=0)
    _home, blog = make_site()
    make_articles(blog, count, authors=[AuthorFactory()], categories=[CategoryFactory()])
    start = time.perf_counter()
    results = audit(clinic_checks(profession=profession), use_cache=False)
    elapsed = time.perf_counter() - start
    findings = sum(len(result.findings) for result in results)
    print(f"\nsite audit, measured: {count:,} live articles in {elapsed:.0f} s ({elapsed / count * 1000:.1f} ms each, "
          f"pages read in batches included); {len(results):,} pages with {findings:,} findings")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--profession", default="seitai")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--site", type=int, metavar="N", help="also run the real audit on N bulk articles")
    parser.add_argument("--set", type=Path, default=LABELLED, help="a labelled set (label, category, sentence; tab-separated)")
    options = parser.parse_args()
    rules = rules_for(options.profession)
    print(f"labelled set: {options.set}, profession {options.profession}, {len(rules)} rules\n")
    total = print_accuracy(accuracy(rules, options.verbose, options.set))
    recall, alarms = total["found"] / total["claims"], total["alarms"] / total["fine"]
    print(f"\nrecall {recall:.2f} (target ≥ 0.90), false alarms {alarms:.2f} (target ≤ 0.10)")
    timing(rules, options.articles)
    if options.site:
        measure_site(options.site, options.profession)


if __name__ == "__main__":
    main()
