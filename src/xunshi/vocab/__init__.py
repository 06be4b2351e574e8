"""Controlled vocabularies over what the parser extracted: a finding's theme and status code.

Pure functions of the extracted text (no database), computed when a report's rows are made, so
that analysts can GROUP BY what reports print in a hundred ways.
"""
