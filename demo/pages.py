"""The demo clinic's 固定ページ (pages.ContentPage under home): 料金 with a
price table and a button to book, and よくある質問, whose questions make it
a FAQPage in search engines' eyes. Original text, a fictional clinic; no
promise of results (the wording check would flag one)."""

BOOKING_URL = "https://example.com/teate/booking"

PAGES = [
    {
        "slug": "price",
        "title": "料金",
        "search_description": "てあて整体院の施術料金と回数券、お支払い方法のご案内です。",
        "body": [
            ("paragraph", "<p>料金はすべて税込です。初めての方は、初診料と施術料をあわせてお支払いください。</p>"),
            ("table", {"table_caption": "施術料金（税込）", "first_row_is_table_header": True, "first_col_is_header": True,
                       "cell": [],
                       "mergeCells": [{"row": 3, "col": 0, "rowspan": 2, "colspan": 1}],
                       "data": [["メニュー", "時間", "料金"],
                                ["初診料", "—", "1,100円"],
                                ["整体（全身）", "40分", "5,500円"],
                                ["回数券", "5回分", "25,000円"],
                                ["", "10回分", "48,000円"]]}),
            ("note", {"kind": "info", "title": "お支払い方法",
                      "text": "<p>現金、クレジットカード、交通系ICカードがお使いいただけます。</p>"}),
            ("note", {"kind": "memo", "title": "",
                      "text": "<p>整体の施術は健康保険の対象外です。回数券の有効期限は購入日から6か月です。</p>"}),
            ("button", {"label": "WEB予約のページへ", "url": BOOKING_URL, "style": "primary"}),
            ("button", {"label": "電話で予約する（0466-00-0000）", "url": "tel:0466-00-0000", "style": "secondary"}),
        ],
    },
    {
        "slug": "faq",
        "title": "よくある質問",
        "search_description": "予約、服装、料金、施術の内容について、よくいただく質問にお答えします。",
        "body": [
            ("faq", {"title": "ご予約・来院について", "items": [
                {"question": "予約なしでも施術を受けられますか？",
                 "answer": "<p>空きがあれば受けられますが、ご予約の方が優先です。WEB予約かお電話でのご予約をおすすめします。</p>"},
                {"question": "どんな服装で行けばよいですか？",
                 "answer": "<p>動きやすい服装でお越しください。お着替え（上下）もご用意しています。</p>"},
                {"question": "駐車場はありますか？",
                 "answer": "<p>院の専用駐車場はありません。近くのコインパーキングをご利用ください。</p>"}]}),
            ("faq", {"title": "施術について", "items": [
                {"question": "施術は痛くありませんか？",
                 "answer": "<p>強く押したり、ボキッと鳴らしたりする施術は行いません。力加減はいつでもお伝えください。</p>"},
                {"question": "どのくらいの間隔で通えばよいですか？",
                 "answer": "<p>お身体の状態や生活に合わせて、初回にご相談しながら決めます。</p>"},
                {"question": "病院に通っていても受けられますか？",
                 "answer": "<p>受けられます。治療中の病気がある方は、主治医に相談のうえでお越しください。</p>"}]}),
            ("toggle", {"title": "キャンセルや予約の変更はできますか？",
                        "body": "<p>前日までにお電話かWEB予約のページからご連絡ください。当日のキャンセルも料金はいただきません。</p>"}),
            ("button", {"label": "料金を見る", "page": "price", "style": "secondary"}),
        ],
    },
]
