import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('blog', '0007_body_reader_text_and_japanese_labels'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='author',
            name='user',
            field=models.OneToOneField(blank=True, help_text='監修者として記事を承認する本人のログインです。監修はこのユーザーだけが承認・差し戻しできます。', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='author', to=settings.AUTH_USER_MODEL, verbose_name='ログインユーザー'),
        ),
        migrations.AlterField(
            model_name='articlepage',
            name='reviewer',
            field=models.ForeignKey(blank=True, help_text='医師など、内容を確認する専門家。この人が承認した本文にだけ「監修」と表示します。', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='reviewed_articles', to='blog.author', verbose_name='監修者'),
        ),
    ]
