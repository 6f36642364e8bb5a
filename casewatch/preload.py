"""Imported once by the forkserver that starts the extraction workers (pipeline.py), before it forks any.

The extractor is made and warmed here (its spaCy models, vocabularies, compiled patterns and gazetteers of
places), so every worker forked afterwards starts with them loaded and shares their memory, instead of each
loading its own copy (about two CPU seconds a worker).

The workers are the parallelism: each runs its numerical library on one thread (unless the environment says
otherwise), since two BLAS threads per worker on a machine with as many cores as workers only contend (the
model's layers run about 15% faster on one).  Nothing numerical is imported before these lines.
"""
import gc
import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from .pipeline import extractor  # noqa: E402  (after the threads are set)

extractor().warm()
from .ingest.language import detect  # noqa: E402
detect("warm " * 100)  # the language model too: loaded once here, shared by every worker (issue 12's memory bound)
gc.freeze()  # the loaded objects are never collected: a worker's collector does not touch (and copy) their pages
