"""The demo clinic's text: original writing for this project, fictional people.

The articles live in `articles/`, one module per body area; an article may
sit in several categories, its first one being the primary."""

from .articles import knee, lower_back, shoulder

HOME = {
    "title": "膝・腰・肩の痛みに、自分でできるケアを",
    "intro": "<p>藤沢駅から徒歩5分の整体院「てあて整体院」の理学療法士が、"
    "日々の施術で実際によく聞かれる痛みの原因と、ご自宅でできるセルフケアをわかりやすく解説します。</p>",
}

BLOG_INTRO = "<p>症状別に、痛みの仕組みとセルフケアの方法をまとめています。</p>"

CLINIC = {
    "clinic_name": "てあて整体院",
    "postal_code": "251-0052",
    "address": "神奈川県藤沢市藤沢999-9 てあてビル2階",
    "phone": "0466-00-0000",
    "opening_hours": "月〜金 9:00〜20:00\n土 9:00〜17:00\n日・祝 休み",
    "line_url": "https://example.com/teate/line",
    "cta_heading": "つらい痛み、ひとりで悩まずにご相談ください",
    "cta_text": "初回はお身体の状態をていねいにお聞きし、痛みの原因とご自宅でできるケアをご説明します。",
}

# The first author is credited on every article that names no "authors".
AUTHORS = [
    {
        "slug": "yamada-haruka",
        "name": "山田 遥",
        "name_kana": "やまだ はるか",
        "job_title": "理学療法士・てあて整体院 院長",
        "clinic": "てあて整体院",
        "area": "神奈川県藤沢市",
        "bio": "総合病院の整形外科リハビリテーション科で10年勤務したのち、てあて整体院を開業。"
        "膝や腰の痛みで悩む方が、自分の身体を自分で整えられるようになることを目標に施術とセルフケア指導を行っています。",
        "photo": ("デモ：著者写真", "施術着を着た理学療法士のイメージ"),
        "website_url": "https://example.com/teate",
        "x_url": "https://example.com/x/teate_seitai",
        "instagram_url": "https://example.com/instagram/teate_seitai",
    },
    {
        "slug": "sato-kenta",
        "name": "佐藤 健太",
        "name_kana": "さとう けんた",
        "job_title": "柔道整復師・てあて整体院 副院長",
        "clinic": "てあて整体院",
        "area": "神奈川県藤沢市",
        "bio": "接骨院で15年、ぎっくり腰や捻挫などのけがの施術に携わってきました。"
        "学生時代はラグビー部。痛みが出たあとの「最初の数日」の過ごし方と、再発させない身体づくりを得意としています。",
        "photo": ("デモ：著者写真（佐藤）", "施術着を着た柔道整復師のイメージ"),
        "youtube_url": "https://example.com/youtube/teate_seitai",
    },
    {
        # Reviews articles (監修) rather than writing them.
        "slug": "takahashi-makoto",
        "name": "高橋 誠",
        "name_kana": "たかはし まこと",
        "job_title": "医師・日本整形外科学会 整形外科専門医",
        "clinic": "ふじさわ整形外科クリニック",
        "area": "神奈川県藤沢市",
        "bio": "大学病院で膝関節の外科治療に携わったのち、地域の整形外科クリニックで外来を担当。"
        "てあて整体院の記事のうち、病気やけがに関わる内容を医学的な立場から確認しています。",
        "photo": ("デモ：監修者写真（高橋）", "白衣を着た整形外科医のイメージ"),
    },
]

# The 医師 who reviews (監修) the knee articles: load_demo gives them a login
# and approves their articles through the 監修 workflow.
REVIEWER_SLUG = "takahashi-makoto"

CATEGORIES = [
    {"slug": "knee", "name": "膝の痛み", "sort_order": 10,
     "description": "歩くとき、階段、正座。膝の痛みの原因と、自分でできるケアをまとめました。"},
    {"slug": "lower-back", "name": "腰痛", "sort_order": 20,
     "description": "ぎっくり腰から慢性的な腰の重さまで。腰痛とのつきあい方を解説します。"},
    {"slug": "shoulder", "name": "肩こり", "sort_order": 30,
     "description": "デスクワークやスマホで固まった肩と首を、毎日少しずつほぐす方法です。"},
]


# Every demo article, in no particular order: "days_ago" decides the dates.
ARTICLES = knee.ARTICLES + lower_back.ARTICLES + shoulder.ARTICLES
