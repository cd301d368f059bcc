"""Courses, trainers, participants and attendance (sign-in lists) live here.

The models arrive with the tracking work; the app exists now so the layout is stable.
"""
