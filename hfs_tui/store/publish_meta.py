"""Datasette metadata of the published network archive: Swedish titles and descriptions, canned queries.

Used as `datasette network.db -m metadata.json`. The archive is meant for Swedish readers in the HFS
network, so the texts are Swedish whatever the UI language.
"""

from __future__ import annotations

FORMAT = 1  # the archive's layout; a newer one is refused
TOKENIZE = "unicode61 remove_diacritics 0"  # å, ä, ö are letters of their own

CATEGORY_SV = {
    "strength": "Styrka",
    "improvement": "Förbättringsområde",
    "good_example": "Gott exempel att ta med hem",
    "lesson": "Lärdom",
    "action": "Åtgärd",
    "note": "Anteckning",
}

_TABLES = {
    "archive_info": {
        "title": "Om arkivet",
        "description": "Arkivets format och art (för programmet som läser det).",
        "columns": {"key": "Nyckel", "value": "Värde"},
    },
    "reviews": {
        "title": "Granskningar",
        "description": "Varje kollegialt lärande mellan två parter, med en stabil identitet över databaser.",
        "columns": {
            "uid": "Granskningens stabila identitet (UUID); samma granskning publicerad igen ersätter den här",
            "title": "Granskningens titel",
            "template": "Frågemall: region, vardcentral eller blank",
            "created_at": "När granskningen skapades (UTC)",
            "published_at": "När den senast publicerades (UTC)",
        },
    },
    "parties": {
        "title": "Parter",
        "description": "De två parterna i en granskning (regioner eller vårdcentraler). Partnamnen är offentliga.",
        "columns": {
            "id": "Partens identitet i arkivet (granskning:a/b)",
            "review_uid": "Granskningen",
            "key": "a eller b",
            "name": "Partens namn, t.ex. Region Nordmark",
            "kind": "region, vardcentral eller other",
        },
    },
    "questions": {
        "title": "Frågor",
        "description": "De frågor parterna kom överens om att besvara.",
        "columns": {
            "id": "Frågans identitet i arkivet",
            "review_uid": "Granskningen",
            "number": "Frågans nummer",
            "text": "Frågan",
            "sub_questions": "Delfrågor (JSON-lista)",
        },
    },
    "notes": {
        "title": "Frisläppta anteckningar",
        "description": (
            "Bara det som ägaren (den part anteckningen handlar om) har släppt till nätverket och som finns "
            "med i rapporten. Inget internt, inget borttaget."
        ),
        "columns": {
            "id": "Anteckningens identitet i arkivet",
            "review_uid": "Granskningen",
            "party_id": "Ägande part: det som framkommer om en part tillhör den parten",
            "question_id": "Frågan anteckningen gäller (tom för allmänna anteckningar)",
            "meeting": "Mötet: intro (inledande möte), feedback (återkopplingsmöte) eller follow_up (uppföljning)",
            "category": (
                "strength (styrka), improvement (förbättringsområde), good_example (gott exempel att ta med hem), "
                "lesson (lärdom), action (åtgärd) eller note (anteckning)"
            ),
            "text": "Anteckningen",
            "created_at": "När den skrevs (UTC)",
        },
    },
    "actions": {
        "title": "Förbättringsåtgärder",
        "description": "Åtgärder i handlingsplanens form som ägaren har släppt till nätverket, med uppföljningens utfall.",
        "columns": {
            "id": "Åtgärdens identitet i arkivet",
            "review_uid": "Granskningen",
            "party_id": "Ägande part",
            "question_id": "Frågan åtgärden kom från, om den kom från en anteckning",
            "goal": "Detta vill vi uppnå",
            "activities": "Prioriterade aktiviteter",
            "timeline": "Tidplan",
            "follow_up": "Uppföljning av målet",
            "status": "open (öppen), done (genomförd), partly (delvis) eller not_started (inte påbörjad)",
            "outcome": "Vad som uppnåddes (uppföljningen)",
            "sustain": "Hur förbättringsarbetet hålls vid liv",
        },
    },
}

QUERIES = {
    "goda_exempel_per_fraga": {
        "title": "Goda exempel per fråga",
        "description": "Goda exempel att ta med hem, ordnade efter granskning och fråga.",
        "sql": """SELECT r.title AS granskning, q.number AS nr, q.text AS fråga, p.name AS part, n.text AS gott_exempel
FROM notes n
JOIN reviews r ON r.uid = n.review_uid
JOIN parties p ON p.id = n.party_id
LEFT JOIN questions q ON q.id = n.question_id
WHERE n.category = 'good_example'
ORDER BY r.title, q.number, p.name""",
    },
    "uppnadda_forbattringar": {
        "title": "Uppnådda förbättringar",
        "description": "Genomförda eller delvis genomförda åtgärder med vad som uppnåddes och hur det hålls vid liv.",
        "sql": """SELECT r.title AS granskning, p.name AS part, a.goal AS detta_ville_vi_uppnå,
       CASE a.status WHEN 'done' THEN 'genomförd' ELSE 'delvis' END AS status,
       a.outcome AS uppnått, a.sustain AS hur_det_hålls_vid_liv
FROM actions a
JOIN reviews r ON r.uid = a.review_uid
JOIN parties p ON p.id = a.party_id
WHERE a.status IN ('done', 'partly')
ORDER BY r.title, p.name""",
    },
    "styrkor_och_forbattringsomraden_per_fraga": {
        "title": "Styrkor och förbättringsområden per fråga",
        "description": "Frisläppta styrkor och förbättringsområden, fråga för fråga.",
        "sql": """SELECT q.number AS nr, q.text AS fråga, p.name AS part,
       CASE n.category WHEN 'strength' THEN 'styrka' ELSE 'förbättringsområde' END AS slag, n.text AS anteckning
FROM notes n
JOIN parties p ON p.id = n.party_id
LEFT JOIN questions q ON q.id = n.question_id
WHERE n.category IN ('strength', 'improvement')
ORDER BY q.text, p.name""",
    },
}


def metadata(database_name: str) -> dict:
    """Datasette metadata for the archive file named `<database_name>.db`."""
    return {
        "title": "HFS-nätverkets kollegiala lärande",
        "description": (
            "Det som parterna i HFS-nätverkets kollegiala lärande har släppt till nätverket: styrkor, "
            "förbättringsområden, lärdomar, goda exempel och förbättringsåtgärder. Den mottagande parten äger "
            "alltid det som framkommer; bara det ägaren har släppt finns här."
        ),
        "databases": {
            database_name: {
                "title": "Nätverksarkiv",
                "tables": {
                    name: {
                        "title": table["title"],
                        "description": table["description"],
                        "columns": table["columns"],
                    }
                    for name, table in _TABLES.items()
                },
                "queries": QUERIES,
            }
        },
    }
