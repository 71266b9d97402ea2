"""Course bookings and completions, as Lärportalen reports them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from rollkoll.catalog.models import Course
from rollkoll.org.models import Person


class TrainingStatus(models.TextChoices):
    """How far a person has come with a course: the `status` of the completions file."""

    COMPLETED = "completed", _("Genomförd")
    BOOKED = "booked", _("Anmäld")


class Completion(models.Model):
    """A person passed a course on a date (genomförd utbildning)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="completions")
    course = models.ForeignKey(
        Course, verbose_name=_("utbildning"), on_delete=models.PROTECT, related_name="completions"
    )
    completed_on = models.DateField(_("genomförd"))

    class Meta:
        verbose_name = _("genomförd utbildning")
        verbose_name_plural = _("genomförda utbildningar")
        constraints = [
            models.UniqueConstraint(fields=["person", "course"], name="completion_unique")
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.course} {self.completed_on}"


class Booking(models.Model):
    """A person booked a classroom course in Lärportalen (anmälan), for the course's date."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="bookings")
    course = models.ForeignKey(
        Course, verbose_name=_("utbildning"), on_delete=models.PROTECT, related_name="bookings"
    )
    booked_on = models.DateField(_("kursdatum"))

    class Meta:
        verbose_name = _("kursanmälan")
        verbose_name_plural = _("kursanmälningar")
        constraints = [models.UniqueConstraint(fields=["person", "course"], name="booking_unique")]

    def __str__(self) -> str:
        return f"{self.person}: {self.course} {self.booked_on}"
