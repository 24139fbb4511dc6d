"""The drawings: the timeline, the remains chart and the efforts overview (QPainter)."""
