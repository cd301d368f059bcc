from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportJob(models.Model):
    """An uploaded file on its way in: checked (dry run), then imported on confirmation.

    Large files are checked and imported by a background task; the page that shows the
    job polls its progress. The file is kept outside the public media folder and removed
    once the job is over.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting")
        CHECKING = "checking", _("checking")
        CHECKED = "checked", _("checked")
        IMPORTING = "importing", _("importing")
        DONE = "done", _("imported")
        REFUSED = "refused", _("refused")
        CANCELLED = "cancelled", _("cancelled")

    transfer = models.CharField(_("records"), max_length=20)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE)
    file_name = models.CharField(_("file"), max_length=255)
    stored_as = models.CharField(max_length=255, editable=False)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    estimated_rows = models.PositiveIntegerField(default=0)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    in_background = models.BooleanField(default=False)
    report = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name

    @property
    def running(self) -> bool:
        return self.status in {self.Status.QUEUED, self.Status.CHECKING, self.Status.IMPORTING}
