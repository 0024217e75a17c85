"""Document wording: the Swedish text is the source, its English is looked up here (gettext style).

Language is a value: every builder and renderer takes `lang` ("sv" or "en") and calls `tr(text, lang)`;
nothing caches a rendering in one language. A test checks that every text the builders pass to `tr` has an entry.
"""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    # categories: headings, then one note's label
    "Styrkor": "Strengths",
    "Förbättringsområden": "Areas for improvement",
    "Goda exempel att ta med hem": "Good examples to take home",
    "Beslut": "Decisions",
    "Lärdomar": "Lessons learned",
    "Åtgärder": "Actions",
    "Övriga anteckningar": "Other notes",
    "Styrka": "Strength",
    "Förbättringsområde": "Area for improvement",
    "Gott exempel": "Good example",
    "Lärdom": "Lesson",
    "Åtgärd": "Action",
    "Anteckning": "Note",
    # the action plan of seed 004 and the follow-up (step 5)
    "Detta vill vi uppnå": "What we want to achieve",
    "Prioriterade aktiviteter": "Prioritised activities",
    "Ansvariga": "Responsible",
    "Tidplan": "Timeline",
    "Uppföljning av målet": "Follow-up of the goal",
    "Handlingsplan för förbättringsarbetet": "Action plan for the improvement work",
    "Uppföljning av åtgärder": "Follow-up of actions",
    "Ej uppföljd": "Not followed up",
    "Genomförd": "Done",
    "Delvis genomförd": "Partly done",
    "Inte påbörjad": "Not started",
    "Status": "Status",
    "Vad har uppnåtts": "What has been achieved",
    "Hur vidmakthålls förbättringsarbetet": "How the improvement work is sustained",
    "Inga åtgärder i handlingsplanen.": "No actions in the action plan.",
    "Åtgärd {number}.": "Action {number}.",
    # shared pieces
    "Allmänt": "General",
    "allmänt": "general",
    "delas i HFS-nätverket": "shared in the HFS network",
    "(tom)": "(empty)",
    "inget datum registrerat": "no date recorded",
    "{day}, kl. {time}": "{day}, {time}",
    "{day} kl. {time}": "{day} at {time}",
    "Granskning": "Review",
    "Mall": "Template",
    "Sammanställt": "Compiled",
    "Fråga {number}. {text}": "Question {number}. {text}",
    "Fråga {number}.": "Question {number}.",
    "fråga {number}": "question {number}",
    "Möte": "Meeting",
    " och ": " and ",
    # the network summary's achieved improvements and release footnote
    "Genomförda förbättringar": "Improvements achieved",
    "Vidmakthålls:": "Sustained by:",
    "{count} punkt": "{count} item",
    "{count} punkter": "{count} items",
    "{party} beslutade att sprida {what}": "{party} decided to share {what}",
    "(frigivet {days})": "(released {days})",
    "Frigivet av ägaren:": "Released by their owner:",
    # minutes
    "Protokoll: {title}": "Minutes: {title}",
    "Datum": "Date",
    "Mötesledare": "Facilitator",
    "Deltagare": "Participants",
    "Inga deltagare registrerade.": "No participants recorded.",
    "Dagordning": "Agenda",
    "Punkt": "Item",
    "Planerad tid": "Planned time",
    "Faktisk tid": "Actual time",
    "ej startad": "not started",
    "pågår": "running",
    "Totalt": "Total",
    "Frågor utan anteckningar: {numbers}.": "Questions without notes: {numbers}.",
    "Inga.": "None.",
    "Överenskommet innehåll i rapporten": "Agreed content of the report",
    (
        "Det som parterna kom överens om att ta med i respektive rapport. Den part som granskats äger alltid "
        "det som framkommer om den och beslutar själv vad som får spridas i HFS-nätverket."
    ): (
        "What the parties agreed to include in each report. The party that was reviewed always owns what "
        "emerges about it and decides itself what may be spread in the HFS network."
    ),
    "Inget är markerat för rapporten.": "Nothing is marked for the report.",
    # party report
    "Rapport: {name}": "Report: {name}",
    "Motpart": "Other party",
    (
        "Rapporten innehåller det som parterna kom överens om att dokumentera om {name}. "
        "{name} äger innehållet och beslutar vad som får spridas i HFS-nätverket."
    ): (
        "The report contains what the parties agreed to document about {name}. "
        "{name} owns the content and decides what may be spread in the HFS network."
    ),
    "Inga anteckningar är markerade för rapporten.": "No notes are marked for the report.",
    "Inga åtgärder är beslutade ännu.": "No actions have been decided yet.",
    # network summary
    "Nätverkssammanfattning: {title}": "Network summary: {title}",
    "Parter": "Parties",
    (
        "Sammanfattningen innehåller endast det som respektive part har gett klartecken till att sprida i "
        "HFS-nätverket, som underlag till nätverket och HFS strategidagar. Varje bidrag står under den part "
        "som äger det."
    ): (
        "The summary contains only what each party has cleared for spreading in the HFS network, as material "
        "for the network and the HFS strategy days. Each contribution stands under the party that owns it."
    ),
    "{name} har inte gett klartecken till att sprida något.": "{name} has not cleared anything for spreading.",
    # protokoll after Swedish conventions (step 4)
    "Protokoll från {meeting} – {parties}": "Minutes of the {meeting} – {parties}",
    "inledande möte": "introductory meeting",
    "återkopplingsmöte": "feedback meeting",
    "uppföljningsmöte": "follow-up meeting",
    "Plats": "Place",
    "Sekreterare": "Minute-taker",
    "Närvarande": "Present",
    "Återkoppling till {name}": "Feedback to {name}",
    "Överenskommet innehåll i rapporterna": "Agreed content of the reports",
    "Nästa möte": "Next meeting",
    "Nya åtgärder": "New actions",
    "Vid protokollet": "Minutes taken by",
    "Justeras": "Approved by",
    "Sammanställt {stamp} med hfs-tui": "Compiled {stamp} with hfs-tui",
    "Goda exempel att ta med sig hem": "Good examples to take home",
    # the intro protokoll
    "Genomgång av instruktionen": "Going through the instructions",
    (
        "Teamen gick tillsammans igenom instruktionen för kollegialt lärande (”{template}”): stegen, tidsåtgången "
        "och att den mottagande parten alltid är ägare av det som framkommer om den."
    ): (
        "The teams went through the instructions for collegial learning (“{template}”) together: the steps, the time "
        "needed, and that the receiving party always owns what emerges about it."
    ),
    "Vilka frågor ska besvaras": "Which questions are answered",
    "Frågorna {numbers} besvaras.": "Questions {numbers} are answered.",
    "Fråga {numbers} besvaras.": "Question {numbers} is answered.",
    "Frågorna {numbers} utgår.": "Questions {numbers} are left out.",
    "Fråga {numbers} utgår.": "Question {numbers} is left out.",
    "Frågor som besvaras": "Questions answered",
    "Frågor som utgår": "Questions left out",
    "Sekretess, rapportform och tidsuppskattning": "Confidentiality, report form and time estimate",
    "Sekretess": "Confidentiality",
    "Rapportform": "Report form",
    "Tidsuppskattning": "Time estimate",
    "{party}: cirka {hours} timmar": "{party}: about {hours} hours",
    "Kommande möten": "Coming meetings",
    "{meeting} {when}": "{meeting} {when}",
    "Återkopplingsmöte {when}.": "Feedback meeting {when}.",
    # the party report
    "Rapport från kollegialt lärande – {name}": "Report from collegial learning – {name}",
    "Kollegialt lärande med {other} inom HFS-nätverket.": "Collegial learning with {other} in the HFS network.",
    (
        "Rapporten innehåller det som {name} har beslutat att ta med; det som framkom om {name} ägs av {name}."
    ): "The report contains what {name} decided to include; what emerged about {name} is owned by {name}.",
    "Bakgrund": "Background",
    "Deltagare från {party}": "Participants from {party}",
    "Genomförande": "Steps held",
    "Frågor": "Questions",
    "{numbers} i instruktionen ”{template}”": "{numbers} of the instructions “{template}”",
    "Sammanfattning": "Summary",
    "Vad är bra": "What is good",
    "Vad kan förbättras": "What can be improved",
    "Vad har vi att lära av varandra": "What we can learn from each other",
    "Per fråga": "Per question",
    "{name} skriftliga bedömning": "Written assessment by {name}",
    "Från det inledande mötet": "From the introductory meeting",
    "Från återkopplingsmötet": "From the feedback meeting",
    "Från uppföljningsmötet": "From the follow-up meeting",
    "Handlingsplan": "Action plan",
    # file names of the exported documents (export.py)
    "protokoll": "minutes",
    "rapport": "report",
    "natverkssammanfattning": "network-summary",
    "inledande-mote": "introductory-meeting",
    "aterkopplingsmote": "feedback-meeting",
    "uppfoljningsmote": "follow-up-meeting",
    "utan-datum": "undated",
    "en-sida": "one-pager",
    "bildspel": "slides",
    "overlamning": "handover",
    # the one-pager (onepager.py)
    "{title} – i korthet": "{title} – at a glance",
    "Detta gör parterna nu": "What each party does now",
    "… och {count} till i nätverkssammanfattningen.": "… and {count} more in the network summary.",
    "Ingen av parterna har ännu gett klartecken till att sprida något.": "Neither party has released anything to share yet.",
    # the hand-over package (handover.py)
    "Överlämning från {name}: svar och dokument": "Hand-over from {name}: answers and documents",
    "Underlag från {name} till {other} för granskningen (steg 2 och 3 i kollegialt lärande inom HFS-nätverket).": (
        "Material from {name} for {other} to review (steps 2 and 3 of collegial learning in the HFS network)."
    ),
    "Svar": "Answers",
    "Dokument": "Documents",
    "Inget svar.": "No answer.",
    "{name} bedömning av {other} svar": "{name}'s assessment of {other}'s answers",
}

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


LANGUAGES = ("sv", "en")


def tr(swedish: str, lang: str) -> str:
    """The document text in `lang`: the Swedish source, or its English."""
    return ENGLISH.get(swedish, swedish) if lang == "en" else swedish


def check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown document language: {lang!r}")
    return lang
