from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('clinic', '0004_analytics'),
    ]

    operations = [
        migrations.AddField(
            model_name='clinicsettings',
            name='require_review',
            field=models.BooleanField(default=False, help_text='オンにすると、監修者がいる記事は、監修者が承認した本文でなければ公開できません（予約公開・一括公開も止めます）。オフのときは公開できますが、承認されていない本文には「監修」を表示しません。', verbose_name='監修なしの公開を禁止'),
        ),
    ]
