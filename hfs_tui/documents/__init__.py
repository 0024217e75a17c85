"""Documents: one tree per document (protokoll, party report, network summary), built from a MeetingRecord with
ownership applied once (`audience.select`), and rendered to Markdown, HTML (`markdown.py`) and Word (`docx.py`)."""
