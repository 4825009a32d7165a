"""Bring theories in and out: spreadsheets, Kumu, draw.io, GraphML and the logframe."""
