import datetime as dt

from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from rollkoll.notify.delivery import backoff
from rollkoll.notify.models import Kind
from rollkoll.notify.rendering import render

SITE = "http://rollkoll.example.org"
paths = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789/-_?=&", max_size=40)


@hypothesis_settings(deadline=None)  # the first call loads templates and translations
@given(st.sampled_from(Kind.values), paths, paths)
def test_the_email_depends_on_the_kind_and_the_link_alone(kind, path, other_path):
    link, other_link = f"{SITE}/{path}", f"{SITE}/{other_path}"
    email, other = render(kind, link), render(kind, other_link)

    assert link in email.body
    assert email.subject == other.subject
    assert email.body.replace(link, "LINK") == other.body.replace(other_link, "LINK")


def test_each_kind_has_its_own_swedish_text():
    emails = [render(kind, f"{SITE}/x/") for kind in Kind.values]

    assert len({e.subject for e in emails}) == len({e.body for e in emails}) == len(Kind.values)
    assert all(e.subject.startswith("Rollkoll: ") and "\n" not in e.subject for e in emails)
    assert render(Kind.REQUEST_TO_SIGN, f"{SITE}/x/").subject == (
        "Rollkoll: en behörighetsblankett väntar på din signatur"
    )


def test_links_are_not_html_escaped():
    assert f"{SITE}/a?b=1&c=2" in render(Kind.REQUEST_IN_QUEUE, f"{SITE}/a?b=1&c=2").body


def test_backoff_doubles_from_a_minute_up_to_an_hour():
    waits = [backoff(attempts) for attempts in range(1, 12)]

    assert [w // dt.timedelta(minutes=1) for w in waits] == [1, 2, 4, 8, 16, 32] + [60] * 5
    assert backoff(10**6) == dt.timedelta(hours=1)
