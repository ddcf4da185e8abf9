# syntax=docker/dockerfile:1
# NLP Playground for a GPU VM: the CUDA build of torch (requirements-gpu.txt; PyPI's wheels carry
# the CUDA runtime, the host needs only the NVIDIA driver + NVIDIA Container Toolkit), Japanese
# fonts, a non-root user, `streamlit run` on 0.0.0.0:8501, a health check on /_stcore/health and
# one volume (/data) for the Hugging Face cache and the app's own cache. See compose.yaml, README.
FROM python:3.11.14-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HOME=/data/huggingface \
    PLAYGROUND_CACHE_DIR=/data/playground \
    STREAMLIT_SERVER_HEADLESS=true

# CJK fonts for charts and PNG export (plotly / kaleido render Japanese labels with them)
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin app \
    && mkdir -p /data/huggingface /data/playground \
    && chown -R app:app /data

WORKDIR /app
# dependencies first: this layer is rebuilt only when a pin changes
COPY requirements.txt requirements-gpu.txt ./
RUN pip install --no-cache-dir -r requirements-gpu.txt

COPY --chown=app:app . .
USER app

VOLUME ["/data"]
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"]
CMD ["streamlit", "run", "app.py", "--server.address=0.0.0.0", "--server.port=8501"]
