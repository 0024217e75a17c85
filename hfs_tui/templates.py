"""Question sets and meeting plans taken from the seed instructions.

`region` follows the instruction for process leaders at regional level (seed 000) word for word,
sub-questions kept under the question they belong to. `vardcentral` turns the instruction for two
primary-care centres (seed 002) into questions: the starting question, the four parts of
"hälsofrämjande arbetssätt", and the written documents and routines the teams are asked to add.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import templates_en
from .model import MeetingKind


@dataclass(frozen=True)
class QuestionTemplate:
    text: str
    sub_questions: tuple[str, ...] = ()


@dataclass(frozen=True)
class SlotPlan:
    """A planned slot; with `per_party` the slot is repeated for each party, `{party}` in the title."""

    title: str
    minutes: int
    per_party: bool = False


@dataclass(frozen=True)
class MeetingPlan:
    kind: MeetingKind
    title: str
    slots: tuple[SlotPlan, ...]
    max_minutes: int

    @property
    def planned_minutes_for_two_parties(self) -> int:
        return sum(slot.minutes * (2 if slot.per_party else 1) for slot in self.slots)


@dataclass(frozen=True)
class Template:
    key: str
    name: str
    party_kind: str
    questions: tuple[QuestionTemplate, ...]
    meetings: tuple[MeetingPlan, ...]

    def meeting_plan(self, kind: MeetingKind) -> MeetingPlan:
        return next(plan for plan in self.meetings if plan.kind == kind)


INTRO_MEETING = MeetingPlan(
    kind=MeetingKind.INTRO,
    title="Inledande möte",
    slots=(
        SlotPlan("Genomgång av instruktionen", 20),
        SlotPlan("Vilka frågor ska besvaras", 20),
        SlotPlan("Sekretess, rapportform och tidsuppskattning", 20),
    ),
    max_minutes=60,
)

FEEDBACK_MEETING = MeetingPlan(
    kind=MeetingKind.FEEDBACK,
    title="Återkopplingsmöte",
    slots=(SlotPlan("Återkoppling till {party}", 90, per_party=True),),
    max_minutes=180,
)

FOLLOW_UP_MEETING = MeetingPlan(
    kind=MeetingKind.FOLLOW_UP,
    title="Uppföljningsmöte",
    slots=(SlotPlan("Uppföljning för {party}", 60, per_party=True),),
    max_minutes=180,
)

MEETINGS = (INTRO_MEETING, FEEDBACK_MEETING, FOLLOW_UP_MEETING)

REGION_QUESTIONS = (
    QuestionTemplate(
        "Hur är det hälsofrämjande arbetet organiserat?",
        (
            "Var i landstingets organisation?",
            "Finns det en styrgrupp?",
            "Vem är ordförande i styrgruppen?",
            "Vilka övriga funktioner ingår i styrgruppen?",
        ),
    ),
    QuestionTemplate("Finns det en handlingsplan och hur ser den ut?"),
    QuestionTemplate("Hur följs handlingsplanen upp?"),
    QuestionTemplate(
        "Beskriv processen för att besvara HFS indikatorenkät och ENSH tobaksenkät?",
        (
            "Hur samordnas detta med övrig uppföljning av det hälsofrämjande arbetet men även med "
            "övrig verksamhetsuppföljning?",
        ),
    ),
    QuestionTemplate("Finns skrivet uppdrag för processledaren/processledarna och hur ser det ut?"),
    QuestionTemplate("Hur mycket tid, alternativt andel av tjänst har man avsatt för sitt/sina uppdrag?"),
    QuestionTemplate("Vem rapporterar man till?"),
    QuestionTemplate(
        "Finns nätverk för hf-arbetet?",
        (
            "Hur många deltar och hur ofta träffas man?",
            "Vilken funktion i verksamheten har deltagarna?",
            "Vilken roll, vilket uppdrag och vilket mandat har deltagarna?",
            "Redovisas den totala tidsåtgången för varje deltagare?",
        ),
    ),
    QuestionTemplate("Finns det forum, möten med verksamhetschefer. Hur ofta?"),
    QuestionTemplate("Finns det kontaktpersoner per vårdcentral/klinik?"),
    QuestionTemplate("Hur ser kontaktpersonernas uppdrag och omfattning ut?"),
    QuestionTemplate(
        "Beskriv hur de hälsofrämjande och förebyggande insatserna dokumenteras och hur man använder utdata."
    ),
    QuestionTemplate("Beskriv ersättningsformer till verksamheten, insatser, projektmedel, andra former?"),
    QuestionTemplate("Beskriv deltagande i HFS temagrupper."),
    QuestionTemplate(
        "Har landstinget tagit fram riktlinjer, program eller liknande kopplat till Socialstyrelsens "
        "riktlinjer för levnadsvanor?"
    ),
    QuestionTemplate(
        "Används någon modell för att implementera riktlinjerna för levnadsvanor? I så fall vilken modell?"
    ),
    QuestionTemplate(
        "Beskriv vilka utbildningsinsatser som genomförs och planeras när det gäller hälsofrämjande och "
        "förebyggande insatser."
    ),
)

VARDCENTRAL_QUESTIONS = (
    QuestionTemplate(
        "I vilken omfattning har vårdcentralen fört in ett hälsofrämjande arbetssätt i sina verksamheter?",
        ("Hur har ni använt foldern ”Hälsofrämjande primärvård” från temagruppen?",),
    ),
    QuestionTemplate(
        "Hur utvecklar vårdcentralen målinriktat och systematiskt sjukdomsförebyggande och "
        "hälsofrämjande insatser för individer/patienter?"
    ),
    QuestionTemplate(
        "Hur bidrar vårdcentralen genom aktiv kunskapsförmedling och medverkar aktivt i "
        "befolkningsinriktat hälsoarbete?"
    ),
    QuestionTemplate("Hur främjar vårdcentralen en positiv hälsoutveckling hos de egna medarbetarna?"),
    QuestionTemplate(
        "Hur använder vårdcentralen hälsoorientering som en strategi för att skapa en effektivare hälso- "
        "och sjukvård – mer vård för pengarna?"
    ),
    QuestionTemplate(
        "Vilka skriftliga handlingsplaner, rutiner, PM, flödesscheman och uppföljningsdokument finns på vårdcentralen?"
    ),
)

TEMPLATES: dict[str, Template] = {
    "region": Template("region", "Regioner (processledning)", "region", REGION_QUESTIONS, MEETINGS),
    "vardcentral": Template("vardcentral", "Vårdcentraler", "vardcentral", VARDCENTRAL_QUESTIONS, MEETINGS),
    "blank": Template("blank", "Tom mall", "other", (), MEETINGS),
}


REVIEW_TITLE = "Kollegialt lärande: {party_a} och {party_b}"


def get_template(key: str, language: str = "sv") -> Template:
    """The template in Swedish (the seeds' own words) or in English (`templates_en`)."""
    try:
        template = TEMPLATES[key]
    except KeyError:
        known = ", ".join(TEMPLATES)
        raise ValueError(f"unknown template {key!r} (known: {known})") from None
    return _english(template) if language == "en" else template


def template_name(key: str, language: str = "sv") -> str:
    """The template's name to show (a review stores only the key); the key itself if it is unknown."""
    return get_template(key, language).name if key in TEMPLATES else key


def review_title(party_a: str, party_b: str, language: str = "sv") -> str:
    """The default title of a new review."""
    return (templates_en.REVIEW_TITLE if language == "en" else REVIEW_TITLE).format(party_a=party_a, party_b=party_b)


def _english(template: Template) -> Template:
    questions = tuple(QuestionTemplate(text, subs) for text, subs in templates_en.QUESTIONS[template.key])
    meetings = tuple(
        replace(
            plan,
            title=templates_en.MEETING_TITLES[plan.title],
            slots=tuple(replace(slot, title=templates_en.SLOT_TITLES[slot.title]) for slot in plan.slots),
        )
        for plan in template.meetings
    )
    return replace(template, name=templates_en.NAMES[template.key], questions=questions, meetings=meetings)
