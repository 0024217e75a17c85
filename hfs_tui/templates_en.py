"""English versions of the templates in `templates.py`, question by question in the same order.

The Swedish seeds are the source; these translate them as closely as the sense allows, keeping the
network's own terms explained once (HFS, ENSH). A review created in English gets these texts.
"""

from __future__ import annotations

NAMES = {
    "region": "Regions (process leadership)",
    "vardcentral": "Primary-care centres",
    "blank": "Blank template",
}

REVIEW_TITLE = "Collegial learning: {party_a} and {party_b}"

MEETING_TITLES = {
    "Inledande möte": "Introductory meeting",
    "Återkopplingsmöte": "Feedback meeting",
    "Uppföljningsmöte": "Follow-up meeting",
}

SLOT_TITLES = {
    "Genomgång av instruktionen": "Going through the instructions",
    "Vilka frågor ska besvaras": "Which questions to answer",
    "Sekretess, rapportform och tidsuppskattning": "Confidentiality, report form and time estimate",
    "Återkoppling till {party}": "Feedback to {party}",
    "Uppföljning för {party}": "Follow-up for {party}",
}

# (question, sub-questions) in the order of templates.REGION_QUESTIONS
REGION_QUESTIONS = (
    (
        "How is the health-promoting work organised?",
        (
            "Where in the county council's organisation?",
            "Is there a steering group?",
            "Who chairs the steering group?",
            "Which other functions are part of the steering group?",
        ),
    ),
    ("Is there an action plan, and what does it look like?", ()),
    ("How is the action plan followed up?", ()),
    (
        "Describe the process for answering the HFS indicator survey and the ENSH tobacco survey.",
        (
            "How is this coordinated with other follow-up of the health-promoting work, and also with other "
            "follow-up of the organisation's activities?",
        ),
    ),
    ("Is there a written assignment for the process leader(s), and what does it look like?", ()),
    ("How much time, or what share of a post, has been set aside for the assignment(s)?", ()),
    ("Who does the process leader report to?", ()),
    (
        "Is there a network for the health-promotion work?",
        (
            "How many take part and how often do they meet?",
            "What function in the organisation do the participants have?",
            "What role, assignment and mandate do the participants have?",
            "Is the total time spent reported for each participant?",
        ),
    ),
    ("Are there forums or meetings with heads of operations? How often?", ()),
    ("Are there contact persons for each primary-care centre/clinic?", ()),
    ("What do the contact persons' assignments look like, and what is their scope?", ()),
    ("Describe how the health-promoting and preventive interventions are documented and how the output is used.", ()),
    ("Describe the forms of funding for the operations: interventions, project funds, other forms?", ()),
    ("Describe the participation in the HFS theme groups.", ()),
    (
        "Has the county council drawn up guidelines, programmes or similar linked to the National Board of Health "
        "and Welfare's guidelines on lifestyle habits?",
        (),
    ),
    ("Is a model used to implement the guidelines on lifestyle habits? If so, which model?", ()),
    ("Describe the training that is carried out and planned in health-promoting and preventive work.", ()),
)

# (question, sub-questions) in the order of templates.VARDCENTRAL_QUESTIONS
VARDCENTRAL_QUESTIONS = (
    (
        "To what extent has the primary-care centre brought a health-promoting way of working into its services?",
        ("How have you used the leaflet “Health-promoting primary care” from the theme group?",),
    ),
    (
        "How does the primary-care centre develop targeted and systematic disease-preventive and health-promoting "
        "interventions for individuals/patients?",
        (),
    ),
    (
        "How does the primary-care centre contribute through active sharing of knowledge, and take an active part "
        "in population-oriented health work?",
        (),
    ),
    ("How does the primary-care centre promote positive health among its own staff?", ()),
    (
        "How does the primary-care centre use health orientation as a strategy for more effective health care – "
        "more care for the money?",
        (),
    ),
    (
        "Which written action plans, routines, memos (PM), flow charts and follow-up documents does the "
        "primary-care centre have?",
        (),
    ),
)

QUESTIONS = {"region": REGION_QUESTIONS, "vardcentral": VARDCENTRAL_QUESTIONS, "blank": ()}
