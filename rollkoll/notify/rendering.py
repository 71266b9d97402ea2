"""The e-mail for a notification, rendered from its kind and link only.

Nothing else reaches the template: no name, personnummer or role ever leaves
in an e-mail. The recipient signs in to see the case.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from rollkoll.notify.models import Kind

_TEXTS: dict[str, tuple[Promise, Promise]] = {
    Kind.REQUEST_TO_SIGN: (
        _("en behörighetsblankett väntar på din signatur"),
        _("En behörighetsblankett väntar på att du granskar och signerar den."),
    ),
    Kind.REQUEST_IN_QUEUE: (
        _("ett ärende väntar i din kö"),
        _("Ett ärende har kommit till din kö och väntar på handläggning."),
    ),
    Kind.REQUEST_RETURNED: (
        _("en ansökan har returnerats"),
        _("En ansökan har returnerats till dig för komplettering."),
    ),
    Kind.REQUEST_REJECTED: (
        _("en ansökan har avslagits"),
        _("En ansökan har avslagits. Skälet står i ärendet."),
    ),
    Kind.REQUEST_COMPLETED: (
        _("en ansökan är genomförd"),
        _("En ansökan är genomförd i Heroma."),
    ),
    Kind.STAGE_OVERDUE: (
        _("ett ärende har passerat handläggningstiden"),
        _("Ett ärende i din kö har väntat längre än handläggningstiden."),
    ),
    Kind.STAGE_ESCALATED: (
        _("ett ärende har eskalerats till dig"),
        _("Ett ärende har eskalerats till dig eftersom handläggningstiden har passerats."),
    ),
    Kind.TRAINING_OVERDUE: (
        _("ett kursresultat saknas för en ansökan"),
        _(
            "En ansökan väntar fortfarande på ett kursresultat, mer än 30 dagar efter det "
            "bokade kursdatumet. Kontrollera att kursen är genomförd och rapporterad."
        ),
    ),
}


@dataclass(frozen=True)
class Email:
    subject: str
    body: str


def render(kind: str, link: str) -> Email:
    """Subject and body in Swedish for a kind of task and the link to it."""
    summary, message = _TEXTS[kind]
    with translation.override("sv"):
        context = {"summary": summary, "message": message, "link": link}
        subject = render_to_string("notify/email/subject.txt", context)
        body = render_to_string("notify/email/body.txt", context)
    return Email(subject=" ".join(subject.split()), body=body.lstrip())
