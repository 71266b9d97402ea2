"""The published role catalog: courses, roles, their rules, routes and SÄS's local rules.

Loaded by `rollkoll migrate`, so a fresh installation is usable at once. Every
row is created with update_or_create on its natural key, so running it again
leaves the catalog as published; specialist support edits it in the admin.
"""

import datetime as dt

from django.db import migrations

EPOCH = dt.date(2000, 1, 1)
SAS_MAPPING_FROM = dt.date(2026, 3, 1)
LMS = "https://larportalen.example.org"
SUPPORT = "https://loneservice.example.org/chef-och-heromarapportor"

COURSES = [
    # code, name, kind, duration, description
    (
        "intro",
        "Heroma – Introduktion",
        "e_learning",
        "E-utbildning i Lärportalen",
        "Grunderna i Heroma: begrepp, inloggning och hur systemet hänger ihop.",
    ),
    (
        "chef-webb",
        "Heroma – Chef webb",
        "e_learning",
        "E-utbildning i Lärportalen, cirka 1 timme",
        "Ärendehantering i Heroma webb för chefer.",
    ),
    (
        "personaloversikt",
        "Heroma – Personalöversikt",
        "e_learning",
        "E-utbildning i Lärportalen",
        "Personalöversikten i Heroma: medarbetare, scheman och ärenden.",
    ),
    (
        "for-chefer",
        "Heroma – För chefer",
        "e_learning",
        "E-utbildning i Lärportalen",
        "Förberedande utbildning för chefer och Heromarapportörer på Södra Älvsborgs Sjukhus.",
    ),
    (
        "kurs-chef-schema",
        "Heroma – Chef schema",
        "classroom",
        "2 dagar",
        "Schemahantering, frånvaro, arbetsförändringar, saldo och stämplingar.",
    ),
    (
        "kurs-chef",
        "Heroma – Chef",
        "classroom",
        "1 dag",
        "Frånvaro, arbetsförändringar och rapporter.",
    ),
    (
        "kurs-heromarapportor",
        "Heroma – Heromarapportör",
        "classroom",
        "2 dagar",
        "Schemahantering, frånvaro, arbetsförändringar, saldo och stämplingar.",
    ),
    (
        "kurs-administrativt-stod",
        "Heroma – Administrativt stöd",
        "classroom",
        "1 dag",
        "Frånvaro och arbetsförändringar.",
    ),
    (
        "kurs-uppgradering",
        "Heroma – Utökad behörighetsroll",
        "classroom",
        "Halvdag",
        "Kompletterande utbildning från Chef till Chef schema och från Administrativt stöd "
        "till Heromarapportör: schemahantering, partiell frånvaro, saldo och stämplingar.",
    ),
]

NOT_COMBINABLE = "Rollen kan inte kombineras med andra behörighetsroller, till exempel "
INTERIM_NOTE = (
    "Du kan ansöka om rollen Chef webb under tiden du väntar på din utbildning för Chef "
    "eller Chef schema."
)
SELF_BOOKING = "Det är personen som ska gå utbildningen som anmäler sig i Lärportalen."

ROLES = [
    # code, name, sort order, classroom course, exclusive, audience, content, notes
    (
        "chef-schema",
        "Chef schema",
        1,
        "kurs-chef-schema",
        False,
        "Chefer som ska ha full behörighet i Heroma.",
        "Schemahantering, frånvaro, arbetsförändringar, saldo och stämplingar.",
        f"{INTERIM_NOTE} {SELF_BOOKING}",
    ),
    (
        "chef",
        "Chef",
        2,
        "kurs-chef",
        True,
        "Chefer som ska ha behörighet till personalöversikten och godkänna frånvaro och "
        "arbetsförändringar i Heroma windowsklient. Här krävs att det finns en "
        "Heromarapportör som utför vissa arbetsuppgifter, t.ex. schemahantering, saldo- "
        "och flexärenden.",
        "Frånvaro, arbetsförändringar, rapporter.",
        f"{NOT_COMBINABLE}schemaadministratör. {INTERIM_NOTE} {SELF_BOOKING}",
    ),
    (
        "chef-webb",
        "Chef webb",
        3,
        None,
        True,
        "Chefer som ska ha behörighet att hantera ärenden via Heroma webb. Här krävs att "
        "det finns en Heromarapportör som utför arbetsuppgifter i Heroma windowsklient.",
        "Ärendehantering i Heroma webb.",
        f"{NOT_COMBINABLE}schemaadministratör. Utbildningen är e-utbildningen Heroma – "
        "Chef webb, cirka 1 timme. Behörighetsblanketten skickas in efter genomförd "
        "utbildning.",
    ),
    (
        "heromarapportor",
        "Heromarapportör",
        4,
        "kurs-heromarapportor",
        False,
        "Heromarapportörer som ska ha full behörighet i Heroma.",
        "Schemahantering, frånvaro, arbetsförändringar, saldo och stämplingar.",
        SELF_BOOKING,
    ),
    (
        "administrativt-stod",
        "Administrativt stöd",
        5,
        "kurs-administrativt-stod",
        True,
        "Administrativt stöd. Rollen är begränsad och innehåller inte schemahantering/ISP "
        "och kräver att det finns en Heromarapportör eller Chef schema som utför vissa "
        "arbetsuppgifter.",
        "Frånvaro, arbetsförändringar.",
        f"{NOT_COMBINABLE}schemaadministratör. {SELF_BOOKING}",
    ),
    (
        "schemaadministrator",
        "Schemaadministratör (ISP)",
        6,
        None,
        True,
        "Enheter som arbetar med ISP – individuell schemaplanering.",
        "Individuell schemaplanering.",
        "Rollen schemaadministratör kan inte kombineras med andra behörighetsroller. Rollen "
        "kräver ingen specifik utbildning utan upplärning sker på enheten/förvaltningen. "
        "Den som vill starta upp med ISP kontaktar Specialistsupporten. Vi ser gärna att du "
        "går de digitala utbildningarna Heroma – Introduktion och Heroma – Personalöversikt.",
    ),
]

VGR_REQUIREMENTS = {
    "chef-schema": ["intro", "chef-webb", "personaloversikt"],
    "chef": ["intro", "chef-webb", "personaloversikt"],
    "chef-webb": ["intro", "chef-webb"],
    "heromarapportor": ["intro", "personaloversikt"],
    "administrativt-stod": ["intro", "personaloversikt"],
}
SAS_REQUIREMENTS = {
    code: ["intro", "for-chefer"]
    for code in ["chef-schema", "chef", "chef-webb", "heromarapportor"]
}
INTERIM = {"chef": "chef-webb", "chef-schema": "chef-webb"}
REQUIRES_ON_UNIT = {
    "chef": ["heromarapportor"],
    "chef-webb": ["heromarapportor"],
    "administrativt-stod": ["heromarapportor", "chef-schema"],
}
UPGRADES = [("chef", "chef-schema"), ("administrativt-stod", "heromarapportor")]
RECOMMENDED = {"schemaadministrator": ["intro", "personaloversikt"]}
MANAGER_KINDS = ["verksamhetschef", "stabschef", "vardenhetschef", "enhetschef", "lakarchef"]

HELP_LINKS = [
    # section, title, path, version
    ("Digitaliserat anställningsunderlag", "Anställningsunderlag (Barium)", "barium", ""),
    (
        "Digitaliserat anställningsunderlag",
        "Guide för chefer i anställningsunderlagsprocessen",
        "guide-anstallningsunderlag",
        "2023-09-11",
    ),
    (
        "Digitaliserat anställningsunderlag",
        "Lathund för anställningsunderlag",
        "lathund-anstallningsunderlag",
        "",
    ),
    ("Manualer", "Manual hälsoSAM Webb", "halsosam-webb", "2023-01-18"),
    ("Manualer", "Manual lönesättning", "lonesattning", ""),
    ("ISP – individuell schemaplanering", "Schemaplaneringshjälp (ISP)", "isp", ""),
    (
        "ISP – individuell schemaplanering",
        "Schemaplaneringshjälp (ISP) med tidblock för medarbetare i Heroma Webb",
        "isp-tidblock",
        "",
    ),
]


def load_catalog(apps, schema_editor):
    organisation = apps.get_model("org", "Organisation")
    sas, _created = organisation.objects.get_or_create(
        code="SAS", defaults={"name": "Södra Älvsborgs Sjukhus"}
    )
    courses = _load_courses(apps)
    roles = _load_roles(apps, courses)
    _load_rules(apps, roles, courses, sas)
    _load_policies(apps, roles, sas)
    _load_routes(apps, sas)
    _load_help_links(apps)


def _load_courses(apps):
    course_model = apps.get_model("catalog", "Course")
    courses = {}
    for code, name, kind, duration, description in COURSES:
        courses[code], _created = course_model.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "kind": kind,
                "duration": duration,
                "description": description,
                "material_url": f"{LMS}/material/{code}",
                "booking_url": f"{LMS}/kurser/{code}",
            },
        )
    return courses


def _load_roles(apps, courses):
    role_model = apps.get_model("catalog", "Role")
    roles = {}
    for code, name, order, course, exclusive, audience, content, notes in ROLES:
        roles[code], _created = role_model.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "sort_order": order,
                "classroom_course": courses[course] if course else None,
                "exclusive": exclusive,
                "audience": audience,
                "content": content,
                "notes": notes,
            },
        )
    for code, interim in INTERIM.items():
        roles[code].interim_role = roles[interim]
        roles[code].save(update_fields=["interim_role"])
    for code, needed in REQUIRES_ON_UNIT.items():
        roles[code].requires_on_unit.set([roles[other] for other in needed])
    for code, recommended in RECOMMENDED.items():
        roles[code].recommended_courses.set([courses[course] for course in recommended])
    return roles


def _load_rules(apps, roles, courses, sas):
    requirement = apps.get_model("catalog", "RoleCourseRequirement")
    for organisation, table in [(None, VGR_REQUIREMENTS), (sas, SAS_REQUIREMENTS)]:
        for role_code, course_codes in table.items():
            for course_code in course_codes:
                requirement.objects.get_or_create(
                    role=roles[role_code],
                    course=courses[course_code],
                    organisation=organisation,
                    valid_from=EPOCH,
                )
    upgrade = apps.get_model("catalog", "UpgradePath")
    for from_code, to_code in UPGRADES:
        upgrade.objects.update_or_create(
            from_role=roles[from_code],
            to_role=roles[to_code],
            defaults={"course": courses["kurs-uppgradering"]},
        )


def _load_policies(apps, roles, sas):
    timing = apps.get_model("catalog", "FormTiming")
    timing.objects.get_or_create(
        organisation=None, valid_from=EPOCH, defaults={"timing": "at_booking"}
    )
    timing.objects.get_or_create(
        organisation=sas, valid_from=EPOCH, defaults={"timing": "after_training"}
    )
    mapping = apps.get_model("catalog", "ManagerKindMapping")
    for kind in MANAGER_KINDS:
        mapping.objects.get_or_create(
            organisation=sas,
            manager_kind=kind,
            valid_from=SAS_MAPPING_FROM,
            defaults={"role": roles["chef"]},
        )


def _load_routes(apps, sas):
    route_model = apps.get_model("catalog", "ApprovalRoute")
    stage_model = apps.get_model("catalog", "ApprovalStage")
    specialist = ("Löneservice specialistsupport", "specialist", 5)
    routes = [
        (None, "Löneservice specialistsupport", [specialist]),
        (
            sas,
            "Södra Älvsborgs Sjukhus: bemanningssamordnare och Löneservice specialistsupport",
            [("Bemanningssamordnare", "coordinator", 2), specialist],
        ),
    ]
    for organisation, name, stages in routes:
        route, _created = route_model.objects.get_or_create(
            organisation=organisation, valid_from=EPOCH, defaults={"name": name}
        )
        for position, (stage_name, group, sla) in enumerate(stages, start=1):
            stage_model.objects.update_or_create(
                route=route,
                position=position,
                defaults={"name": stage_name, "approver_group": group, "sla_working_days": sla},
            )


def _load_help_links(apps):
    help_link = apps.get_model("catalog", "HelpLink")
    for order, (section, title, path, version) in enumerate(HELP_LINKS, start=1):
        help_link.objects.update_or_create(
            title=title,
            defaults={
                "section": section,
                "url": f"{SUPPORT}/{path}",
                "version": version,
                "sort_order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0002_initial"),
        ("org", "0001_initial"),
    ]

    operations = [migrations.RunPython(load_catalog, migrations.RunPython.noop)]
