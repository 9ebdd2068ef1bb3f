# Image for web, worker, beat and migrate (see docker-compose.yml).
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/data/media

# WeasyPrint's native libraries and fonts for the PDFs.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libffi8 \
        fonts-dejavu-core fonts-liberation \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies first, for layer caching. pyproject.toml declares no packages
# of its own (packages = []): the apps run from /app.
COPY pyproject.toml README.md ./
RUN pip install .

# Only the source (never .venv/, .data/ or .git/).
COPY manage.py ./
COPY config ./config
COPY organisasi ./organisasi
COPY skp ./skp
COPY umpanbalik ./umpanbalik
COPY evaluasi ./evaluasi
COPY templates ./templates
COPY static ./static

# The key only satisfies settings at build time; it is not kept in the image.
RUN DJANGO_SECRET_KEY=hanya-untuk-collectstatic python manage.py collectstatic --noinput

RUN useradd --system --no-create-home --home-dir /app kinerja \
    && mkdir -p /data/media \
    && chown kinerja /data/media
USER kinerja

EXPOSE 8000
CMD ["gunicorn", "config.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
