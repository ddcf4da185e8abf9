"""UI strings of the shared server's limits: the heavy-work queue and time budget, the quick
lane, upload and save quotas (issue 24)."""

PREFIXES = ("heavy", "save")
STRINGS = {
    "heavy.queued": {"ja": "順番待ち: あなたの前に {n} 件（長くても約 {minutes} 分）。待つあいだ、ほかのタブは使えます。停止で列を抜けます。",
                     "en": "Queued: {n} job(s) ahead of you (at most about {minutes} min). Stop leaves the queue."},
    "heavy.budget_reached": {"ja": "時間の上限（{s} 秒）に達したので止めました。ここまでに学習したモデルを残しています。",
                             "en": "Stopped at the time budget ({s} s). The model trained so far is kept."},
    "save.usage": {"ja": "サーバーの保存領域: {used} MB / 上限 {quota} MB（PLAYGROUND_MAX_SAVED_MB）・このセッションの保存: {n} / {max} 個（同じ名前で保存し直すと置き換え）",
                   "en": "Server storage for saved models: {used} MB of {quota} MB (PLAYGROUND_MAX_SAVED_MB) · saved in this session: {n} of {max} (saving under the same name replaces it)"},
}
