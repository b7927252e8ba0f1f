"""Japanese search at scale: reindex time, index size, relevance and latency.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/teate_bench .venv/bin/python benchmarks/search.py 10000
    DATABASE_URL=sqlite:////tmp/teate-bench.sqlite3 .venv/bin/python benchmarks/search.py 1000

Builds N synthetic articles on the current database (migrating it first; with
--replace, existing articles are deleted first, otherwise the database must
have none), indexes them, and prints the figures docs/search.md reports.
The generator is deterministic: the same N gives the same articles.
"""

import argparse
import os
import re
import random
import statistics
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

settings.DEBUG = False  # no query log growing with 10,000 inserts

KNEE_SPELLINGS = ["膝"] * 14 + ["ひざ"] * 3 + ["ヒザ"] * 3  # 30% of knee articles write it in kana
KNEE_TITLES = ["{k}の内側が痛いときのセルフケア", "{k}を守る歩き方", "階段がつらい{k}のための体操", "{k}の曲げ伸ばしを楽にする習慣"]
KNEE_LINES = [
    "{k}の内側に痛みが出る方は少なくありません。",
    "階段の下りで{k}に負担がかかります。",
    "太ももの前の筋肉を伸ばすと{k}が楽になります。",
    "{k}のお皿の周りを優しくほぐしましょう。",
    "椅子に座って{k}を伸ばす体操を続けます。",
]
OA_LINE = "変形性膝関節症と診断された方も、無理のない範囲で続けられます。"
FASCIA_LINE = "テニスボールを使った筋膜リリースも効果的です。"
# Technical terms are glossed with their reading, as clinics write them.
GASOKU_LINE = "鵞足（がそく）の周りの筋肉が硬くなると膝の内側が痛みます。"
OTHER_TOPICS = {
    "腰": (
        ["腰が重い朝のストレッチ", "座り仕事の腰を守る習慣"],
        ["腰の筋肉が硬くなると動きが重くなります。", "長時間座るときは骨盤を立てて座りましょう。", "腰に痛みがあるときは無理をしないでください。"],
    ),
    "肩": (
        ["肩こりをためない三つの習慣", "肩甲骨を動かす体操"],
        ["肩甲骨を大きく回してみましょう。", "デスクワークで肩こりが続く方に向いています。", "肩の力を抜いて深呼吸します。"],
    ),
    "首": (
        ["首の疲れを取る温め方", "スマホ首を防ぐ姿勢"],
        ["首の後ろを温めると楽になります。", "画面を目の高さに上げましょう。", "あごを軽く引いて座ります。"],
    ),
}
COMMON_LINES = [
    "呼吸を止めずにゆっくり行います。",
    "一日三回を目安に続けましょう。",
    "症状が強いときは医療機関に相談してください。",
    "ストレッチは入浴後がおすすめです。",
    "水分をこまめにとりましょう。",
    "正しい姿勢を意識することが大切です。",
    "寝る前に軽く体を動かすと眠りやすくなります。",
    "靴選びも体の負担を左右します。",
]
PARAGRAPH_LINES = 8
PARAGRAPHS = 10  # about 1,600 characters per article

QUERIES = {
    "single common term": "膝",
    "rare term": "変形性膝関節症",
    "two-token": "膝の痛み",
    "kana variant": "ひざ",
    "loanword compound": "筋膜リリース",
    "reading in kana": "がそく",
}


def relevant(query, text):
    """What a careful reader would count as a hit, decided on the raw text."""
    knee = any(spelling in text for spelling in ("膝", "ひざ", "ヒザ"))
    return {
        "膝": knee,
        "ひざ": knee,
        "膝の痛み": knee and "痛み" in text,
        "変形性膝関節症": OA_LINE[:7] in text,
        "筋膜リリース": "筋膜リリース" in text,
        "がそく": "鵞足" in text,
    }[query]


def generate(n, seed=2026):
    rng = random.Random(seed)
    for number in range(1, n + 1):
        if rng.random() < 0.3:
            knee = rng.choice(KNEE_SPELLINGS)
            title = rng.choice(KNEE_TITLES).format(k=knee)
            topic_lines = [line.format(k=knee) for line in KNEE_LINES]
            extra = [OA_LINE] if rng.random() < 0.1 else []
            extra += [GASOKU_LINE] if rng.random() < 0.1 else []
        else:
            titles, topic_lines = OTHER_TOPICS[rng.choice(list(OTHER_TOPICS))]
            title, extra = rng.choice(titles), []
        if rng.random() < 0.1:
            extra.append(FASCIA_LINE)
        paragraphs = []
        for _ in range(PARAGRAPHS):
            lines = rng.choices(COMMON_LINES, k=PARAGRAPH_LINES - 2) + rng.choices(topic_lines, k=2)
            rng.shuffle(lines)
            paragraphs.append("".join(lines))
        for line in extra:
            paragraphs[rng.randrange(PARAGRAPHS)] += line
        yield {"title": f"{title}（{number}）", "lead": paragraphs[0][:60], "paragraphs": paragraphs}


def build(n, replace):
    """N live articles under the blog, written straight into the tree.

    add_child() costs several queries per page; here the tree paths are
    computed as treebeard would and every table gets one bulk insert, so the
    pages are exactly what the admin would have made, minus revisions."""
    from demo.loader import ensure_blog, ensure_home
    from blog.links import ArticleCategory
    from blog.models import ArticlePage
    from blog.snippets import Category

    home = ensure_home()
    blog = ensure_blog(home)
    if ArticlePage.objects.exists():
        if not replace:
            sys.exit("This database already has articles; use --replace to delete them first.")
        Page.objects.filter(path__startswith=blog.path, depth__gt=blog.depth).delete()
        blog.refresh_from_db()
    category, _ = Category.objects.get_or_create(slug="bench", defaults={"name": "体のケア"})
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    now = timezone.now()
    articles = list(generate(n))

    with transaction.atomic():
        pages = []
        for step, article in enumerate(articles, start=1):
            slug = f"bench-{step}"
            published = now - timedelta(minutes=step)
            pages.append(
                Page(
                    title=article["title"], draft_title=article["title"], slug=slug,
                    path=Page._get_path(blog.path, blog.depth + 1, step), depth=blog.depth + 1, numchild=0,
                    url_path=f"{blog.url_path}{slug}/", content_type=content_type, locale=locale,
                    translation_key=uuid.uuid4(), live=True, has_unpublished_changes=False,
                    first_published_at=published, last_published_at=published,
                )
            )
        Page.objects.bulk_create(pages, batch_size=500)
        if pages[0].pk is None:  # databases that do not return ids from bulk inserts
            by_path = dict(Page.objects.filter(path__startswith=blog.path, depth=blog.depth + 1).values_list("path", "pk"))
            for page in pages:
                page.pk = by_path[page.path]
        children = [
            ArticlePage(
                page_ptr_id=page.pk,
                lead=article["lead"],
                body=[("paragraph", f"<p>{text}</p>") for text in article["paragraphs"]],
            )
            for page, article in zip(pages, articles)
        ]
        fields = ArticlePage._meta.local_concrete_fields
        for start in range(0, len(children), 500):
            ArticlePage.objects._insert(children[start : start + 500], fields=fields)
        ArticleCategory.objects.bulk_create(
            [ArticleCategory(page_id=page.pk, category=category, sort_order=0) for page in pages], batch_size=1000
        )
        Page.objects.filter(pk=blog.pk).update(numchild=len(pages))
    texts = {page.pk: f"{article['title']}\n" + "\n".join(article["paragraphs"]) for page, article in zip(pages, articles)}
    return texts


def existing_texts(n):
    from blog.models import ArticlePage

    ids = dict(ArticlePage.objects.filter(slug__startswith="bench-").values_list("slug", "pk"))
    return {
        ids[f"bench-{step}"]: f"{article['title']}\n" + "\n".join(article["paragraphs"])
        for step, article in enumerate(generate(n), start=1)
    }


def index_size():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_total_relation_size('blog_searchentry')")
        else:
            cursor.execute("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'blog_searchentry%'")
        return cursor.fetchone()[0]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int, nargs="?", default=1000)
    parser.add_argument("--repeat", type=int, default=40, help="timed runs per query")
    parser.add_argument("--workers", type=int, default=os.cpu_count(), help="analysing processes for the reindex")
    parser.add_argument("--existing", action="store_true", help="measure the articles an earlier run built")
    parser.add_argument("--replace", action="store_true", help="delete the database's articles first")
    parser.add_argument("--reindex", action="store_true", help="with --existing: rebuild the index first")
    parser.add_argument(
        "--without-readings", action="store_true",
        help="index and search without kana readings (the baseline the readings are compared with)",
    )
    options = parser.parse_args()

    from search import analyser
    from search.index import rebuild
    from search.query import search_articles

    if options.without_readings:
        # What the analyser did before readings: no glossed or dictionary
        # reading is indexed, and no kana query is tried as a reading.
        analyser.GLOSS = re.compile(r"(?!)")
        analyser.MIN_READING_CHARS = 10**9
        print("readings: off (baseline)")
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}, articles: {options.articles}")
    if options.existing:
        texts = existing_texts(options.articles)
        if options.reindex:  # e.g. to compare --without-readings on the same articles
            started = time.perf_counter()
            rebuild(workers=options.workers)
            print(f"reindex: {time.perf_counter() - started:.1f} s ({options.workers} analysing processes)")
    else:
        started = time.perf_counter()
        texts = build(options.articles, options.replace)
        print(f"build pages: {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        rebuild(workers=options.workers)
        print(f"reindex: {time.perf_counter() - started:.1f} s ({options.workers} analysing processes)")
    characters = sum(len(text) for text in texts.values())
    print(f"text: {characters / len(texts):.0f} characters per article")
    if not options.without_readings:
        print(readings_cost(list(texts.values())[:300]))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # as autovacuum would after a bulk load
    print(f"index size: {index_size() / 2**20:.1f} MiB")

    from django.test import Client

    client = Client()
    print(
        f"{'query':<20}{'text':<9}{'hits':>6}{'recall':>7}{'P@10':>6}"
        "  search p50/p95 ms  first page p50/p95 ms  whole /search/ p50/p95 ms"
    )
    for label, query in QUERIES.items():
        wanted = {pk for pk, text in texts.items() if relevant(query, text)}
        results = search_articles(query)
        found = set(results.ids)
        top = results.ids[:10]
        recall = len(found & wanted) / len(wanted) if wanted else 1.0
        precision = sum(pk in wanted for pk in top) / len(top) if top else 0.0
        search_only = timed(lambda: search_articles(query), options.repeat)
        # What a reader waits for: the search plus the first page's articles with their cards' data.
        first_page = timed(
            lambda: results.articles(search_articles(query).ids[: settings.BLOG_PAGE_SIZE]), options.repeat
        )
        # The whole request: the above plus highlighting, excerpts and the template.
        whole = timed(lambda: client.get("/search/", {"q": query}), options.repeat)
        print(
            f"{label:<20}{query:<9}{len(found):>6}{recall:>7.2f}{precision:>6.2f}"
            f"  {statistics.median(search_only):>7.1f} / {percentile(search_only, 0.95):<7.1f}"
            f"  {statistics.median(first_page):>10.1f} / {percentile(first_page, 0.95):<7.1f}"
            f"  {statistics.median(whole):>12.1f} / {percentile(whole, 0.95):<7.1f}"
        )
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")


def readings_cost(texts):
    """CPU time to analyse `texts` for the index with readings and without,
    in this one process, and the tokens each way: what readings add to a
    reindex and to the index, whatever the machine's load."""
    from search import analyser

    engine = analyser.get_analyser()
    engine.tokens_for_index(texts[0])  # load the dictionary first
    results = {}
    for label, gloss, minimum in (("without", re.compile(r"(?!)"), 10**9), ("with", analyser.GLOSS, analyser.MIN_READING_CHARS)):
        saved = analyser.GLOSS, analyser.MIN_READING_CHARS
        analyser.GLOSS, analyser.MIN_READING_CHARS = gloss, minimum
        started = time.process_time()
        tokens = sum(len(engine.tokens_for_index(text)) for text in texts)
        results[label] = (time.process_time() - started, tokens)
        analyser.GLOSS, analyser.MIN_READING_CHARS = saved
    (cpu_without, tokens_without), (cpu_with, tokens_with) = results["without"], results["with"]
    return (
        f"readings: analysing {len(texts)} articles takes {cpu_with / cpu_without:.2f}x the CPU "
        f"({cpu_with:.2f} s vs {cpu_without:.2f} s) and gives {tokens_with / tokens_without:.2f}x the tokens"
    )


def timed(run, repeat, warmup=3):
    timings = []
    for attempt in range(repeat + warmup):
        started = time.perf_counter()
        run()
        if attempt >= warmup:
            timings.append((time.perf_counter() - started) * 1000)
    return timings

if __name__ == "__main__":
    main()
