"""Follow-up: the kinds of findings where the register no longer matches people's jobs.

Findings are read from the register, HR's files and Heroma's links as they
stand (`governance.selectors`); nothing is stored for them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FindingKind(models.TextChoices):
    LEAVER_HOLDS_ROLE = "leaver_holds_role", _("Har slutat men har kvar en roll")
    NEEDED_ROLE_MISSING = "needed_role_missing", _("En roll saknar den roll den kräver på ansvaret")
    LINK_DIFFERS = "link_differs", _("Chefskopplingen i Heroma skiljer sig från HR")
