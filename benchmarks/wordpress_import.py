"""How fast the WordPress import is, and whether its memory stays flat.

    .venv/bin/python benchmarks/wordpress_import.py            # 1000 posts
    .venv/bin/python benchmarks/wordpress_import.py --posts 300

Generates an export of N Gutenberg posts (headings, paragraphs, a list, an
image with caption, a YouTube embed, a SWELL box, internal links, categories
and tags), one attachment per ten posts with its file in an uploads folder,
then imports it into a fresh SQLite database, in a child process per run so
that each peak memory figure is its own. It prints posts/s, posts per CPU
second of the importing process (less sensitive to other programs on the
machine; a database server's own work is not in it), peak memory
(ru_maxrss) and the load average for N/4 and N posts, without and with
media, next to a baseline measured in the same run: as many articles created
and published directly with Wagtail's API. A flat memory figure is one that
does not grow with N.
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>ベンチマーク整体院</title><link>https://bench.example</link>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://bench.example</wp:base_site_url>
<wp:base_blog_url>https://bench.example</wp:base_blog_url>
<wp:author><wp:author_login><![CDATA[bench]]></wp:author_login><wp:author_display_name><![CDATA[院長]]></wp:author_display_name></wp:author>
"""

ATTACHMENT = """<item><title>写真{n}</title><wp:post_id>{id}</wp:post_id><wp:status>inherit</wp:status>
<wp:post_type>attachment</wp:post_type><wp:attachment_url>https://bench.example/wp-content/uploads/2024/01/photo{n}.jpg</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>2024/01/photo{n}.jpg</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>写真{n}の説明</wp:meta_value></wp:postmeta></item>
"""

POST = """<item><title>膝の痛みとセルフケア その{n}</title>
<link>https://bench.example/%e8%86%9d-{n}/</link><dc:creator>bench</dc:creator>
<content:encoded><![CDATA[<!-- wp:heading --><h2>原因{n}</h2><!-- /wp:heading -->
<!-- wp:paragraph --><p>膝の内側が<strong>痛む</strong>ときは<a href="https://bench.example/%e8%86%9d-{prev}/">前の記事</a>も読んでください。</p><!-- /wp:paragraph -->
<!-- wp:list --><ul><li>階段の下り</li><li>正座</li></ul><!-- /wp:list -->
<!-- wp:image {{"id":{image}}} --><figure class="wp-block-image"><img src="https://bench.example/wp-content/uploads/2024/01/photo{photo}-1024x683.jpg" alt="写真" class="wp-image-{image}"/><figcaption>ストレッチの様子</figcaption></figure><!-- /wp:image -->
<!-- wp:embed {{"url":"https://youtu.be/M7lc1UVf-VE?t=30","providerNameSlug":"youtube"}} --><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">https://youtu.be/M7lc1UVf-VE?t=30</div></figure><!-- /wp:embed -->
<!-- wp:loos/cap-block --><div class="cap_box"><div class="cap_box_ttl">ポイント</div><div class="cap_box_content"><p>毎日30秒。</p></div></div><!-- /wp:loos/cap-block -->
<!-- wp:paragraph --><p>おだいじに。</p><!-- /wp:paragraph -->]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>{id}</wp:post_id>
<wp:post_date>2024-01-01 10:00:00</wp:post_date><wp:post_date_gmt>2024-01-01 01:00:00</wp:post_date_gmt>
<wp:post_name>%e8%86%9d-{n}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="cat-{cat}"><![CDATA[カテゴリー{cat}]]></category>
<category domain="post_tag" nicename="tag-{tag}"><![CDATA[タグ{tag}]]></category>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{image}</wp:meta_value></wp:postmeta></item>
"""


def generate(directory, posts):
    from PIL import Image

    uploads = directory / "uploads" / "2024" / "01"
    uploads.mkdir(parents=True)
    photos = max(1, posts // 10)
    for n in range(photos):
        Image.new("RGB", (160, 120), (40 + n % 200, 120, 160)).save(uploads / f"photo{n}.jpg", quality=60)
    export = directory / "export.xml"
    with open(export, "w", encoding="utf-8") as out:
        out.write(HEAD)
        for n in range(photos):
            out.write(ATTACHMENT.format(n=n, id=100_000 + n))
        for n in range(posts):
            photo = n % photos
            out.write(POST.format(n=n, prev=max(n - 1, 0), id=n + 1, image=100_000 + photo, photo=photo, cat=n % 5, tag=n % 20))
        out.write("</channel></rss>\n")
    return export, directory / "uploads"


def child(export, media, database):
    """One import in this process; prints a JSON line with its figures."""
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.test")
    import django

    django.setup()
    from tests.factories import make_site
    from wordpress.importer import Importer

    home, blog = make_site()
    start, cpu = time.perf_counter(), time.process_time()
    if export == "baseline":
        posts = baseline(blog, int(media))
    else:
        posts = Importer(export, media or None).run().counts["post", "created"]
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"posts": posts, "seconds": seconds, "cpu": cpu, "peak_mb": peak}))


def baseline(blog, count):
    """The same number of articles created and published with Wagtail's own
    API (no parsing, no conversion): what the import is measured against."""
    from django.db import transaction

    from blog.links import ArticleAuthor, ArticleCategory
    from blog.models import ArticlePage
    from tests.factories import AuthorFactory, CategoryFactory, sample_body

    author, category = AuthorFactory(), CategoryFactory()
    with transaction.atomic():
        for n in range(count):
            page = ArticlePage(title=f"記事{n}", slug=f"article-{n}", lead="リード文", body=sample_body())
            page.article_authors = [ArticleAuthor(author=author)]
            page.article_categories = [ArticleCategory(category=category)]
            blog.add_child(instance=page)
            page.save_revision().publish()
    return count


def run(export, media, template):
    database = template.with_name(f"run-{time.monotonic_ns()}.sqlite3")
    shutil.copy(template, database)
    args = [sys.executable, __file__, "--child", str(export), str(media or ""), str(database)]
    output = subprocess.run(args, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    database.unlink()
    return json.loads(output.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--child", nargs=3)
    options = parser.parse_args()
    if options.child:
        child(*options.child)
        return
    with tempfile.TemporaryDirectory(prefix="teate-wp-bench-") as tmp:
        tmp = Path(tmp)
        template = tmp / "template.sqlite3"
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{template}", "DJANGO_SETTINGS_MODULE": "site_project.settings.test"}
        subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], check=True, cwd=ROOT, env=env)
        sizes = [max(1, options.posts // 4), options.posts]
        print(f"load average at start: {os.getloadavg()[0]:.1f}")
        print(
            f"{'run':<22} {'posts':>6} {'seconds':>8} {'posts/s':>8} {'vs baseline':>11} "
            f"{'posts/CPU-s':>11} {'peak MB':>8} {'load':>5}"
        )
        for posts in sizes:
            export, media = generate(tmp / f"n{posts}", posts)
            base = run("baseline", posts, template)
            base_rate = base["posts"] / base["seconds"]
            for label, figures in (
                ("Wagtail API (baseline)", base),
                ("import, no media", run(export, None, template)),
                ("import, with media", run(export, media, template)),
            ):
                rate = figures["posts"] / figures["seconds"]
                print(
                    f"{label:<22} {figures['posts']:>6} {figures['seconds']:>8.1f} {rate:>8.1f} "
                    f"{rate / base_rate:>10.2f}x {figures['posts'] / figures['cpu']:>11.1f} "
                    f"{figures['peak_mb']:>8.0f} {os.getloadavg()[0]:>5.1f}"
                )


if __name__ == "__main__":
    main()
