"""Organisations, business areas, units (ansvar), people, manager links, delegations.

Also the local user account and its app roles: who may use Rollkoll for what.
A manager needs no app role; their manager links make them manager of units.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rollkoll.org import personnummer
from rollkoll.org.scope import Scope


def _today() -> dt.date:
    return timezone.localdate()


def active_on(on: dt.date, prefix: str = "") -> Q:
    """Rows whose [valid_from, valid_to] includes the date; valid_to is inclusive."""
    return Q(**{f"{prefix}valid_from__lte": on}) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": on})
    )


class Organisation(models.Model):
    """A förvaltning or hospital, e.g. SÄS, with its own local rules and route."""

    code = models.CharField(_("kod"), max_length=20, unique=True)
    name = models.CharField(_("namn"), max_length=200)

    class Meta:
        ordering = ["code"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")

    def __str__(self) -> str:
        return self.name


class BusinessAreaQuerySet(models.QuerySet["BusinessArea"]):
    def visible_to(self, user: User) -> BusinessAreaQuerySet:
        return self.filter(user.scope.business_area_filter()).distinct()


class BusinessArea(models.Model):
    """A verksamhetsområde (VO): a group of units with a contact person."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="business_areas"
    )
    code = models.CharField(_("kod"), max_length=20, unique=True)
    name = models.CharField(_("namn"), max_length=200)
    contact = models.ForeignKey(
        "Person",
        verbose_name=_("kontaktperson"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_for",
    )

    objects = BusinessAreaQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("verksamhetsområde")
        verbose_name_plural = _("verksamhetsområden")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class UnitQuerySet(models.QuerySet["Unit"]):
    def visible_to(self, user: User) -> UnitQuerySet:
        return self.filter(user.scope.unit_filter())


class Unit(models.Model):
    """An ansvar: a responsibility unit with a code. Employees belong to one."""

    business_area = models.ForeignKey(
        BusinessArea,
        verbose_name=_("verksamhetsområde"),
        on_delete=models.PROTECT,
        related_name="units",
    )
    code = models.CharField(_("ansvarskod"), max_length=20, unique=True)
    name = models.CharField(_("namn"), max_length=200)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("överordnat ansvar"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("ansvar")
        verbose_name_plural = _("ansvar")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def organisation(self) -> Organisation:
        return self.business_area.organisation


class ManagerKind(models.TextChoices):
    NONE = "", _("Ingen chefsroll")
    VERKSAMHETSCHEF = "verksamhetschef", _("Verksamhetschef")
    STABSCHEF = "stabschef", _("Stabschef")
    VARDENHETSCHEF = "vardenhetschef", _("Vårdenhetschef")
    ENHETSCHEF = "enhetschef", _("Enhetschef")
    LAKARCHEF = "lakarchef", _("Läkarchef")


def validate_personnummer(value: str) -> None:
    try:
        canonical = personnummer.normalize(value)
    except personnummer.InvalidPersonnummer as error:
        raise ValidationError(_("Ogiltigt personnummer."), code="invalid_personnummer") from error
    if canonical != value:
        raise ValidationError(
            _("Skriv personnumret som ÅÅÅÅMMDD-NNNN."), code="personnummer_format"
        )


class PersonQuerySet(models.QuerySet["Person"]):
    def visible_to(self, user: User) -> PersonQuerySet:
        return self.filter(user.scope.person_filter())

    def employed_on(self, on: dt.date) -> PersonQuerySet:
        return self.filter(Q(employed_from__isnull=True) | Q(employed_from__lte=on)).filter(
            Q(employed_to__isnull=True) | Q(employed_to__gte=on)
        )


class Person(models.Model):
    """An employee, as HR knows them."""

    employee_id = models.CharField(_("anställningsnummer"), max_length=20, unique=True)
    personnummer = models.CharField(
        _("personnummer"), max_length=13, unique=True, validators=[validate_personnummer]
    )
    first_name = models.CharField(_("förnamn"), max_length=100)
    last_name = models.CharField(_("efternamn"), max_length=100)
    email = models.EmailField(_("e-post"), blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("ansvar"), on_delete=models.PROTECT, related_name="people"
    )
    title = models.CharField(_("befattning"), max_length=200, blank=True)
    manager_kind = models.CharField(
        _("chefsuppdrag"), max_length=20, choices=ManagerKind.choices, blank=True, default=""
    )
    employed_from = models.DateField(_("anställd från"), null=True, blank=True)
    employed_to = models.DateField(_("anställd till"), null=True, blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name", "employee_id"]
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        constraints = [
            models.CheckConstraint(
                condition=Q(employed_to__isnull=True)
                | Q(employed_from__isnull=True)
                | Q(employed_to__gte=models.F("employed_from")),
                name="person_employment_dates_ordered",
                violation_error_message=_("Anställningens slut ligger före dess början."),
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def is_employed_on(self, on: dt.date) -> bool:
        started = self.employed_from is None or self.employed_from <= on
        return started and (self.employed_to is None or self.employed_to >= on)


class DatedQuerySet(models.QuerySet):
    def active_on(self, on: dt.date | None = None) -> DatedQuerySet:
        return self.filter(active_on(on or _today()))


class Dated(models.Model):
    """A row valid from a date up to and including an optional end date."""

    valid_from = models.DateField(_("gäller från"))
    valid_to = models.DateField(_("gäller till"), null=True, blank=True)

    class Meta:
        abstract = True

    def is_active_on(self, on: dt.date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or self.valid_to >= on)


def dates_ordered(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
        name=name,
        violation_error_message=_("Slutdatum ligger före startdatum."),
    )


class ManagerLink(Dated):
    """A chefskoppling as it stands in Heroma: routes the unit's cases to the manager."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("ansvar"), on_delete=models.PROTECT, related_name="manager_links"
    )
    manager = models.ForeignKey(
        Person, verbose_name=_("chef"), on_delete=models.PROTECT, related_name="manager_links"
    )

    objects = DatedQuerySet.as_manager()

    class Meta:
        ordering = ["unit__code", "-valid_from"]
        verbose_name = _("chefskoppling")
        verbose_name_plural = _("chefskopplingar")
        constraints = [
            dates_ordered("managerlink_dates_ordered"),
            models.UniqueConstraint(
                fields=["unit"],
                condition=Q(valid_to__isnull=True),
                name="managerlink_one_open_per_unit",
                violation_error_message=_("Ansvaret har redan en gällande chefskoppling."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit.code} → {self.manager}"


class ManagerAssignment(Dated):
    """HR's own view of who manages a unit; compared with the links in Heroma."""

    unit = models.ForeignKey(
        Unit,
        verbose_name=_("ansvar"),
        on_delete=models.PROTECT,
        related_name="manager_assignments",
    )
    manager = models.ForeignKey(
        Person, verbose_name=_("chef"), on_delete=models.PROTECT, related_name="manager_assignments"
    )

    objects = DatedQuerySet.as_manager()

    class Meta:
        ordering = ["unit__code", "-valid_from"]
        verbose_name = _("chefsuppdrag enligt HR")
        verbose_name_plural = _("chefsuppdrag enligt HR")
        constraints = [
            dates_ordered("managerassignment_dates_ordered"),
            models.UniqueConstraint(
                fields=["unit", "valid_from"],
                name="managerassignment_unique_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit.code}: {self.manager}"


class DelegationQuerySet(DatedQuerySet):
    def visible_to(self, user: User) -> DelegationQuerySet:
        """Delegations of people in scope, and those naming the user as deputy."""
        condition = user.scope.person_filter("person")
        if user.scope.person_id:
            condition |= Q(deputy_id=user.scope.person_id)
        return self.filter(condition)


class Delegation(Dated):
    """A frånvarohänvisning: while the person is away, the deputy acts in their place."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="delegations"
    )
    deputy = models.ForeignKey(
        Person, verbose_name=_("ersättare"), on_delete=models.PROTECT, related_name="deputy_for"
    )

    objects = DelegationQuerySet.as_manager()

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("frånvarohänvisning")
        verbose_name_plural = _("frånvarohänvisningar")
        constraints = [
            dates_ordered("delegation_dates_ordered"),
            models.CheckConstraint(
                condition=~Q(person=models.F("deputy")),
                name="delegation_not_to_self",
                violation_error_message=_("Man kan inte hänvisa till sig själv."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.deputy}"


class User(AbstractUser):
    """A sign-in account, tied to the person it belongs to (if any)."""

    person = models.OneToOneField(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="user"
    )

    class Meta:
        verbose_name = _("användare")
        verbose_name_plural = _("användare")

    @property
    def scope(self) -> Scope:
        """What this user may see; computed once per user object."""
        cached: Scope | None = self.__dict__.get("_scope")
        if cached is None:
            cached = self.__dict__["_scope"] = scope_of(self)
        return cached


class AppRoleKind(models.TextChoices):
    COORDINATOR = "coordinator", _("Bemanningssamordnare")
    SPECIALIST = "specialist", _("Löneservice specialistsupport")
    BA_CONTACT = "ba-contact", _("Kontaktperson VO")
    AUDITOR = "auditor", _("Granskare")
    ADMIN = "admin", _("Administratör")


class AppRole(models.Model):
    """What a user does in Rollkoll, with its scope where the role has one."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="app_roles")
    kind = models.CharField(_("roll"), max_length=20, choices=AppRoleKind.choices)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    business_area = models.ForeignKey(
        BusinessArea, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("behörighet i Rollkoll")
        verbose_name_plural = _("behörigheter i Rollkoll")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="coordinator", organisation__isnull=False, business_area__isnull=True)
                    | Q(kind="ba-contact", organisation__isnull=True, business_area__isnull=False)
                    | Q(
                        kind__in=["specialist", "auditor", "admin"],
                        organisation__isnull=True,
                        business_area__isnull=True,
                    )
                ),
                name="approle_scope_matches_kind",
                violation_error_message=_("Rollens omfattning passar inte rollen."),
            ),
        ]

    def __str__(self) -> str:
        scope = self.organisation or self.business_area
        return f"{self.get_kind_display()}{f': {scope}' if scope else ''}"


def _managed_unit_ids(person_id: int, on: dt.date) -> frozenset[int]:
    """Units the person manages on the date, and those of managers who named them deputy."""
    managers = {person_id} | set(
        Delegation.objects.active_on(on)
        .filter(deputy_id=person_id)
        .values_list("person_id", flat=True)
    )
    return frozenset(
        ManagerLink.objects.active_on(on)
        .filter(manager_id__in=managers)
        .values_list("unit_id", flat=True)
    )


def scope_of(user: User, on: dt.date | None = None) -> Scope:
    """What the user may see on the date (today by default): see `org.scope`."""
    if not user.is_authenticated or not user.is_active:
        return Scope()
    kinds: dict[str, set[int]] = {kind: set() for kind in AppRoleKind.values}
    for kind, organisation_id, business_area_id in user.app_roles.values_list(
        "kind", "organisation_id", "business_area_id"
    ):
        kinds[kind].add(organisation_id or business_area_id or 0)
    is_specialist = bool(kinds[AppRoleKind.SPECIALIST])
    is_auditor = bool(kinds[AppRoleKind.AUDITOR])
    is_admin = bool(kinds[AppRoleKind.ADMIN]) or user.is_superuser
    return Scope(
        sees_everything=is_specialist or is_auditor or is_admin,
        is_specialist=is_specialist,
        is_auditor=is_auditor,
        is_admin=is_admin,
        person_id=user.person_id,
        organisation_ids=frozenset(kinds[AppRoleKind.COORDINATOR]),
        business_area_ids=frozenset(kinds[AppRoleKind.BA_CONTACT]),
        managed_unit_ids=_managed_unit_ids(user.person_id, on or _today())
        if user.person_id
        else frozenset(),
    )
