"""Widgets over the model: each holds a model object, renders it and writes back through it."""
