"""Controlled vocabularies derived from what the parser extracts: places, units, and the like.

Pure functions of the parsed values, so the store can fill analyst columns that compare across
reports (a province code, a unit's level) without the parser guessing anything.
"""
