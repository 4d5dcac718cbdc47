"""The rules of the course kit, in plain Python with no widgets: each module here is unit-tested."""
