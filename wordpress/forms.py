from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from . import uploads
from .models import ImportRun


class ImportForm(forms.ModelForm):
    class Meta:
        model = ImportRun
        fields = ["export_file", "uploads_zip", "dry_run", "overwrite"]
        help_texts = {
            "export_file": _("WordPressの「ツール → エクスポート」で「すべてのコンテンツ」を選んで作ったXMLファイル。"),
            "uploads_zip": _("任意。wp-content/uploads フォルダをzipにしたもの。画像はここから取り込みます（インターネットからは取得しません）。"),
            "dry_run": _("何も保存せず、取り込まれる内容の報告だけを表示します。"),
            "overwrite": _("前回の取り込み後にTeateで編集したページも、WordPressの内容で上書きします。"),
        }

    def clean_export_file(self):
        file = self.cleaned_data["export_file"]
        limit = settings.WORDPRESS_IMPORT_MAX_XML_BYTES
        if file.size > limit:
            raise forms.ValidationError(
                _("ファイルが大きすぎます（上限 %(limit)s）。") % {"limit": filesizeformat(limit)}
            )
        if not file.name.lower().endswith(".xml"):
            raise forms.ValidationError(_("XMLファイル（.xml）を選んでください。"))
        return file

    def clean_uploads_zip(self):
        file = self.cleaned_data.get("uploads_zip")
        if not file:
            return file
        limit = settings.WORDPRESS_IMPORT_MAX_ZIP_BYTES
        if file.size > limit:
            raise forms.ValidationError(
                _("zipファイルが大きすぎます（上限 %(limit)s）。") % {"limit": filesizeformat(limit)}
            )
        try:
            uploads.check(file, settings.WORDPRESS_IMPORT_MAX_UNZIPPED_BYTES)
        except uploads.UnsafeZip as error:
            raise forms.ValidationError(str(error)) from None
        file.seek(0)
        return file
