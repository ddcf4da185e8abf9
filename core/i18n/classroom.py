"""UI strings of the classroom mode (issue 18): sharing with a QR code, following the
instructor, quick checks."""

PREFIXES = ("cls", "qc")

STRINGS = {
    # --- share / class --------------------------------------------------------------------
    "cls.sidebar": {"ja": "授業モード (classroom)", "en": "Classroom"},
    "cls.share.open": {"ja": "みんなで開く (QR)", "en": "Open together (QR)"},
    "cls.share.title": {"ja": "みんなで開く — スマートフォンで読み取ってください",
                        "en": "Open together — scan with your phone"},
    "cls.share.qr": {"ja": "このデモの QR コード", "en": "QR code of this demo"},
    "cls.share.code": {"ja": "## クラスコード: `{code}`", "en": "## Class code: `{code}`"},
    "cls.share.short": {"ja": "短い URL（手で入力する人向け）:", "en": "Short URL (to type by hand):"},
    "cls.share.link": {"ja": "このデモのリンク（入力とタブを含む）", "en": "Link to this demo (inputs and tab included)"},
    "cls.share.close": {"ja": "閉じる", "en": "Close"},
    "cls.start.lead": {"ja": "**授業を始める**と、このリンクを開いた生徒の画面が先生のページ・タブ・入力に自動でついてきます。",
                       "en": "**Start a class** and students who open the link follow your page, tab and inputs live."},
    "cls.start": {"ja": "授業を始める (start class)", "en": "Start class"},
    "cls.pin": {"ja": "講師 PIN", "en": "Instructor PIN"},
    "cls.takeover": {"ja": "開催中の授業を引き継ぐ（タブを開き直したとき）", "en": "Take over a running class (after reopening the tab)"},
    "cls.takeover.go": {"ja": "引き継ぐ", "en": "Take over"},
    "cls.join.code": {"ja": "クラスコード", "en": "Class code"},
    "cls.join": {"ja": "授業に参加", "en": "Join class"},
    "cls.leave": {"ja": "授業から抜ける", "en": "Leave class"},
    "cls.sidebar.following": {"ja": "授業 **{code}** に参加中", "en": "In class **{code}**"},
    "cls.sidebar.teaching": {"ja": "授業 **{code}** を開催中", "en": "Teaching class **{code}**"},
    "cls.following": {"ja": ":material/cast: 先生の画面についていきます（授業 **{code}**）。自分で操作すると離れます。",
                      "en": ":material/cast: Following the instructor (class **{code}**). Change something yourself to detach."},
    "cls.detached": {"ja": ":material/pan_tool: 自分で操作中（授業 **{code}**）", "en": ":material/pan_tool: On your own (class **{code}**)"},
    "cls.reattach": {"ja": "先生に戻る", "en": "Back to the instructor"},
    "cls.teaching": {"ja": ":material/school: 授業 **{code}** — 参加 **{n}** 人", "en": ":material/school: Class **{code}** — **{n}** following"},
    "cls.end": {"ja": "授業を終える", "en": "End class"},
    "cls.ended.self": {"ja": "授業を終えました。", "en": "The class has ended."},
    "cls.takeover.lead": {"ja": "タブを閉じた・サーバーが再起動したときは、同じクラスコードで授業を再開できます（PIN が設定されていれば PIN も）。"
                                "開催中の授業は、先生の画面が応答しないときか、先生が「引き渡す」を押したときだけ引き継げます。",
                          "en": "After closing the tab or a server restart, resume the class with the same code (and the PIN if one is set). "
                                "A running class can be taken over only when the teacher's screen has gone quiet or the teacher presses \"Hand over\"."},
    "cls.handover.asked": {"ja": "別の画面から、PIN でこの授業を引き継ごうとしています。あなたが引き継ぎを頼んだのでなければ「引き渡さない」を押してください。",
                           "en": "Another screen with the PIN asks to take over this class. Unless you asked for it, press \"Keep the class\"."},
    "cls.handover.give": {"ja": "引き渡す", "en": "Hand over"},
    "cls.handover.keep": {"ja": "引き渡さない", "en": "Keep the class"},
    "cls.handover.given": {"ja": "授業を別の画面に引き渡しました。", "en": "The class was handed over to another screen."},
    "cls.instructor.link": {"ja": "この画面は授業 {code} の先生の画面なので、授業のリンクを開いても生徒にはなりません。"
                                  "生徒として試すには別のブラウザ（シークレットウィンドウ）で開いてください。",
                            "en": "This screen is the teacher's screen of class {code}, so opening a class link does not make it a student. "
                                  "To try it as a student, open the link in another browser (a private window)."},
    "cls.retry": {"ja": "もう一度参加する", "en": "Join again"},
    "cls.quiet": {"ja": ":material/hourglass_empty: 先生の画面から応答がありません。少し待つと戻ってくるかもしれません。",
                  "en": ":material/hourglass_empty: The teacher's screen is not responding. It may come back in a moment."},
    "cls.activity": {"ja": ":material/model_training: 先生が「{label}」で計算中 — {pct} %",
                     "en": ":material/model_training: The teacher is running “{label}” — {pct} %"},
    "cls.activity.wait": {"ja": ":material/hourglass_top: 先生が「{label}」で計算の順番を待っています",
                          "en": ":material/hourglass_top: The teacher is waiting for a turn to compute on “{label}”"},
    # --- quick checks ---------------------------------------------------------------------
    "qc.title": {"ja": "確認クイズ (quick check) — {n} 問", "en": "Quick check — {n} questions"},
    "qc.choose": {"ja": "答えを選ぶ", "en": "Choose an answer"},
    "qc.number": {"ja": "答え（数）", "en": "Answer (a number)"},
    "qc.check": {"ja": "答え合わせ", "en": "Check"},
    "qc.ask": {"ja": "みんなに出す", "en": "Ask the class"},
    "qc.empty": {"ja": "答えを選ぶか入力してください。", "en": "Choose or type an answer first."},
    "qc.right": {"ja": "正解！", "en": "Correct!"},
    "qc.wrong": {"ja": "残念、正解は「{answer}」です。", "en": "Not quite: the answer is “{answer}”."},
    "qc.answer": {"ja": "正解: {answer}", "en": "Answer: {answer}"},
    "qc.open": {"ja": "確認クイズ:", "en": "Quick check:"},
    "qc.results": {"ja": "みんなの答え（{n} 人）", "en": "The class's answers ({n})"},
    "qc.reveal": {"ja": "正解を表示", "en": "Show the answer"},
    "qc.close": {"ja": "この問題を閉じる", "en": "Close the question"},
    "qc.send": {"ja": "送信", "en": "Send"},
    "qc.locked": {"ja": "授業で出題中です。先生が正解を表示するまで、ここでの答え合わせはできません。",
                  "en": "The teacher is asking this in class now: checking here opens once the answer is shown."},
    "qc.sent": {"ja": "送信しました（選び直して送ると答えを変えられます。数えるのは 1 人 1 回です）。",
                "en": "Sent (send again to change it; each person counts once)."},
    "cls.store.fallback": {"ja": "Redis（PLAYGROUND_REDIS_URL）に接続できなかったため、授業のデータはこのプロセスのメモリに置いています。"
                                 "ワーカーが 1 つなら授業はそのまま使えます。",
                           "en": "Redis (PLAYGROUND_REDIS_URL) could not be reached, so class state is kept in this process's memory. "
                                 "With one worker, classes work as usual."},
}
