"""Report templates: Word files an administrator uploads, national or for one province."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from access.models import ProvinceScopedQuerySet, province_ids_for
from reporting import conf

# Larger than any letterhead with a logo; a template is text and a few small images.
MAX_TEMPLATE_BYTES = 5 * 1024 * 1024


def report_storage():
    """Private: nothing serves this storage; files leave through the admin's checked views."""
    return conf.storage()


class ReportTemplateQuerySet(ProvinceScopedQuerySet):
    def for_user(self, user):
        """The templates `user` may see and use: national ones and those of their provinces."""
        ids = province_ids_for(user)
        mine = self.select_related("province")  # the list names each template's province
        if ids is None:
            return mine
        return mine.filter(Q(province__in=ids) | Q(province__isnull=True))

    def editable_by(self, user):
        """The templates `user` may change: their provinces' only (national ones: national staff)."""
        ids = province_ids_for(user)
        return self.all() if ids is None else self.filter(province__in=ids)


class ReportTemplate(models.Model):
    class Language(models.TextChoices):
        VIETNAMESE = "vi", _("Vietnamese")
        ENGLISH = "en", _("English")

    name = models.CharField(_("name"), max_length=200)
    language = models.CharField(_("language"), max_length=5, choices=Language.choices, default=Language.VIETNAMESE)
    province = models.ForeignKey(
        "places.Place",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": "province", "is_current": True},
        help_text=_("Empty: a national template, usable by every province."),
    )
    file = models.FileField(
        _("Word file (.docx)"),
        storage=report_storage,
        upload_to="templates/",
        validators=[FileExtensionValidator(["docx"])],
        help_text=_("Download a default template, edit it in Word or LibreOffice, and upload it here."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ReportTemplateQuerySet.as_manager()

    class Meta:
        verbose_name = _("report template")
        verbose_name_plural = _("report templates")
        ordering = ["province__name", "name"]

    def __str__(self) -> str:
        return self.name

    def scope_name(self) -> str:
        return self.province.name if self.province_id else str(_("national"))

    def clean(self) -> None:
        """A template with a mistake is refused here, with each mistake and its place."""
        from reporting.documents.checks import TemplateMistake, check_template

        super().clean()
        if not self.file:
            return
        if self.file.size > MAX_TEMPLATE_BYTES:
            raise ValidationError({"file": _("A template may be at most 5 MB.")})
        self.file.seek(0)
        content = self.file.read()
        self.file.seek(0)
        try:
            check_template(content)
        except TemplateMistake as mistake:
            raise ValidationError({"file": mistake.mistakes}) from mistake

    def content(self) -> bytes:
        with self.file.open("rb") as stored:
            return stored.read()
