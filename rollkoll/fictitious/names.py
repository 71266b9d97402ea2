"""Word lists for fictitious data: Swedish-looking, but nobody's real name or place.

Surnames and place names are put together from parts, so a full name is an
invention even where a part is a common word.
"""

FIRST_NAMES = (
    "Alma", "Astrid", "Berit", "Birgitta", "Cecilia", "Dagny", "Ebba", "Edit", "Elin",
    "Elsa", "Freja", "Greta", "Hedda", "Ingrid", "Iris", "Johanna", "Karin", "Klara",
    "Lena", "Linnea", "Maja", "Märta", "Nora", "Ronja", "Saga", "Signe", "Siv", "Stina",
    "Tove", "Ulla", "Vera", "Åsa", "Albin", "Anders", "Arvid", "Bengt", "Björn", "Casper",
    "Dag", "Einar", "Elis", "Erik", "Folke", "Gunnar", "Gustav", "Hampus", "Harald",
    "Ivar", "Jonas", "Kjell", "Leif", "Ludvig", "Malte", "Nils", "Olof", "Per", "Rune",
    "Sixten", "Stig", "Sune", "Teodor", "Ture", "Valter", "Viggo", "Östen",
)  # fmt: skip
SURNAME_STARTS = (
    "Al", "Asp", "Berg", "Björk", "Dahl", "Ek", "Fors", "Gran", "Hag", "Hed", "Holm",
    "Lind", "Ljung", "Löv", "Mal", "Nord", "Rosen", "Sand", "Sjö", "Sten", "Ström",
    "Sund", "Tall", "Vall", "Vik", "Ås", "Örn",
)  # fmt: skip
SURNAME_ENDS = (
    "berg", "blad", "bom", "dahl", "fors", "gren", "hag", "holm", "kvist", "lund",
    "löf", "mark", "ros", "skog", "stedt", "ström", "vall", "vik", "ås",
)  # fmt: skip
PLACE_STARTS = (
    "Björk", "Ek", "Fager", "Gull", "Hassel", "Lilla", "Lind", "Mo", "Norr", "Rönn",
    "Sjö", "Stor", "Sunn", "Syd", "Väster", "Öster", "Ås",
)  # fmt: skip
PLACE_ENDS = ("by", "dal", "holm", "hult", "lid", "näs", "sund", "torp", "vik", "å")

SPECIALITIES = (
    "Akutsjukvård", "Ambulans", "Anestesi och intensivvård", "Barn och ungdom",
    "Bild- och funktionsmedicin", "Geriatrik", "Habilitering", "Infektion", "Kirurgi",
    "Kvinnosjukvård", "Laboratoriemedicin", "Medicin", "Neurologi", "Onkologi",
    "Ortopedi", "Primärvård", "Psykiatri", "Rehabilitering", "Service", "Öron-näsa-hals",
)  # fmt: skip
STAFF_AREA = "Stab"
UNIT_KINDS = ("Avdelning", "Mottagning", "Enhet", "Sektion", "Team")
UNIT_TOPICS = (
    "akut", "dagvård", "dialys", "endoskopi", "hjärta", "lunga", "mage-tarm", "njure",
    "operation", "planering", "postop", "rehab", "röntgen", "slutenvård", "stroke",
    "uppvak", "utredning", "vårdplatser", "öppenvård",
)  # fmt: skip
TITLES = (
    "Undersköterska", "Sjuksköterska", "Specialistsjuksköterska", "Läkare", "Överläkare",
    "Fysioterapeut", "Arbetsterapeut", "Kurator", "Biomedicinsk analytiker",
    "Medicinsk sekreterare", "Administratör", "Vårdadministratör", "Barnmorska",
)  # fmt: skip
MANAGER_TITLES = {
    "verksamhetschef": "Verksamhetschef",
    "stabschef": "Stabschef",
    "vardenhetschef": "Vårdenhetschef",
    "enhetschef": "Enhetschef",
    "lakarchef": "Läkarchef",
}
ASCII = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "Å": "A", "Ä": "A", "Ö": "O"})
