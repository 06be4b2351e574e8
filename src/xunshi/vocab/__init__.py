"""Controlled vocabularies derived from what the parser extracted: a finding's theme and status
code, places, units' levels and kinds.

Pure functions of the parsed values (no database), computed when a report's rows are made, so
analysts can GROUP BY what reports print in a hundred ways (a theme, a province code, a unit's
level) without the parser guessing anything.
"""
