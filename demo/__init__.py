"""Demo content for `make demo`: a clinic, its practitioner and articles.

Everything is made here (text in content.py, pictures drawn by images.py):
nothing is fetched. Loading twice changes nothing: each object is looked up
by its slug or title first.
"""
