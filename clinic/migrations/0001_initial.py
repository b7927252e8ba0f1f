"""ClinicSettings moves here from home/ (home 0001-0003 created it).

State only: the table home_clinicsettings and its row stay exactly as they
are; 0002 then gives the table its new name."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("home", "0003_disclaimer"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ClinicSettings",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("clinic_name", models.CharField(blank=True, max_length=120, verbose_name="院名")),
                        ("postal_code", models.CharField(blank=True, help_text="例: 251-0052", max_length=10, verbose_name="郵便番号")),
                        ("address", models.CharField(blank=True, max_length=200, verbose_name="住所")),
                        ("phone", models.CharField(blank=True, max_length=30, verbose_name="電話番号")),
                        ("opening_hours", models.TextField(blank=True, help_text="1行に1つ（例: 月〜金 9:00〜19:00）", verbose_name="受付時間")),
                        ("booking_url", models.URLField(blank=True, verbose_name="予約ページのURL")),
                        ("line_url", models.URLField(blank=True, verbose_name="LINEのURL")),
                        ("cta_heading", models.CharField(blank=True, default="つらい痛み、ひとりで悩まずにご相談ください", max_length=120, verbose_name="予約の呼びかけ（見出し）")),
                        ("cta_text", models.TextField(blank=True, default="初回はお身体の状態をていねいにお聞きし、原因とセルフケアの方法をご説明します。", verbose_name="予約の呼びかけ（本文）")),
                        ("site", models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to="wagtailcore.site")),
                        ("default_share_image", models.ForeignKey(blank=True, help_text="LINEやXで共有されたとき、メイン画像のないページに表示します（1200×630に切り抜きます）。", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="wagtailimages.image", verbose_name="共有用の標準画像")),
                        ("disclaimer", models.TextField(blank=True, default="この記事は一般的な情報であり、診断や治療に代わるものではありません。症状が続く場合や強い痛みがある場合は、医療機関を受診してください。", help_text="すべての記事の末尾に表示します。空欄にすると表示しません。", verbose_name="記事の注意書き")),
                    ],
                    options={"verbose_name": "院の設定", "db_table": "home_clinicsettings"},
                ),
            ],
            database_operations=[],
        ),
    ]
