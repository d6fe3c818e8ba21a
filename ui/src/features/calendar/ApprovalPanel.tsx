// The approval side of a post: the next statuses core allows, sign-off per required step,
// the risk-word check with per-hit acknowledgement, comments and the history.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import type { AppError, Post, PostStatus } from "../../lib/api";
import { useAcknowledgeRisk, useAddComment, useComments, useHistory, useRiskReview, useSignOff, useSignOffs, useTeam, useTransitionPost } from "./queries";

type Props = {
  post: Post;
  /** Errors of the platform checks (they block approval). */
  checkErrors: number;
  /** The form has unsaved edits: status moves wait for a save. */
  dirty: boolean;
  onMoved: () => void;
};

/** `2026-03-08T09:00:00Z` → `2026-03-08 18:00` in the viewer's locale. */
export function when(iso: string | null, locale: string): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
}

export function ApprovalPanel({ post, checkErrors, dirty, onMoved }: Props) {
  const { t, i18n } = useTranslation();
  const risks = useRiskReview(post.id);
  const signOffs = useSignOffs(post.id);
  const team = useTeam();
  const history = useHistory(post.id);
  const comments = useComments(post.id);
  const transition = useTransitionPost();
  const ack = useAcknowledgeRisk();
  const signOff = useSignOff();
  const addComment = useAddComment();
  const [error, setError] = useState<string | null>(null);
  const [signer, setSigner] = useState<Record<string, string>>({});
  const [comment, setComment] = useState("");
  const [author, setAuthor] = useState("");
  const locale = i18n.language;

  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      return true;
    } catch (cause) {
      setError((cause as AppError).message);
      return false;
    }
  };

  const openRisks = (risks.data ?? []).filter((r) => !r.acknowledgedAt);
  const missingSteps = (signOffs.data ?? []).filter((s) => s.required && !s.memberName);
  const approveBlockers: string[] = [];
  if (checkErrors > 0) approveBlockers.push(t("calendar.approval.blockChecks", { count: checkErrors }));
  if (openRisks.length > 0) approveBlockers.push(t("calendar.approval.blockRisks", { count: openRisks.length }));
  if (missingSteps.length > 0) approveBlockers.push(t("calendar.approval.blockSignOff", { steps: missingSteps.map((s) => t(`pillars.team.steps.${s.step}`)).join(", ") }));
  const members = team.data?.members ?? [];

  return (
    <section className="approval" aria-labelledby="approval-title" data-testid="approval-panel">
      <h3 id="approval-title" className="approval__title">
        {t("calendar.approval.title")}
      </h3>
      <p>
        {t("calendar.drawer.status")}: <strong data-testid="post-status">{t(`calendar.status.${post.status}`)}</strong>
      </p>
      {error && <Alert message={error} />}

      {(risks.data ?? []).length > 0 && (
        <div className="approval__block">
          <h4 className="approval__subtitle">{t("calendar.risk.title")}</h4>
          {openRisks.length > 0 && <p className="calendar-drawer__risk-note">{t("calendar.risk.beforeApproval")}</p>}
          <ul className="calendar-drawer__risks" data-testid="post-risks">
            {(risks.data ?? []).map((r) => (
              <li key={`${r.hit.category}-${r.hit.term}`} className={r.acknowledgedAt ? "is-acknowledged" : undefined} data-testid={`risk-${r.hit.term}`}>
                <span>
                  {t(`calendar.risk.${r.hit.category}`)}: “{r.hit.term}”
                </span>
                {r.acknowledgedAt ? (
                  <span className="calendar-drawer__ack">
                    {t("calendar.risk.acknowledgedBy", { name: r.acknowledgedBy ?? "", when: when(r.acknowledgedAt, locale) })}
                  </span>
                ) : (
                  <Button
                    onClick={() => void run(() => ack.mutateAsync({ id: post.id, category: r.hit.category, term: r.hit.term }))}
                    busy={ack.isPending}
                    data-testid={`risk-ack-${r.hit.term}`}
                  >
                    {t("calendar.risk.acknowledge")}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      {(signOffs.data ?? []).some((s) => s.required || s.memberName) && (
        <div className="approval__block">
          <h4 className="approval__subtitle">{t("calendar.approval.signOffs")}</h4>
          <ul className="approval__steps">
            {(signOffs.data ?? [])
              .filter((s) => s.required || s.memberName)
              .map((s) => {
                const eligible = s.eligible;
                const chosen = signer[s.step] ?? eligible[0]?.id ?? "";
                return (
                  <li key={s.step} className="approval__step" data-testid={`signoff-${s.step}`}>
                    <span className="approval__step-name">{t(`pillars.team.steps.${s.step}`)}</span>
                    {s.memberName ? (
                      <span className="calendar-drawer__ack">{t("calendar.approval.signedBy", { name: s.memberName, when: when(s.at, locale) })}</span>
                    ) : post.status !== "in_review" ? (
                      <span className="approval__muted">{t("calendar.approval.signWhenInReview")}</span>
                    ) : eligible.length === 0 ? (
                      <span className="approval__muted">{t("calendar.approval.nobodyCanSign")}</span>
                    ) : (
                      <span className="approval__sign">
                        <select
                          className="input"
                          aria-label={t("calendar.approval.who")}
                          value={chosen}
                          onChange={(e) => setSigner({ ...signer, [s.step]: e.target.value })}
                          data-testid={`signoff-member-${s.step}`}
                        >
                          {eligible.map((m) => (
                            <option key={m.id} value={m.id}>
                              {m.name}
                            </option>
                          ))}
                        </select>
                        <Button
                          onClick={() => void run(() => signOff.mutateAsync({ id: post.id, step: s.step, memberId: chosen }))}
                          busy={signOff.isPending}
                          data-testid={`signoff-button-${s.step}`}
                        >
                          {t("calendar.approval.signOff")}
                        </Button>
                      </span>
                    )}
                  </li>
                );
              })}
          </ul>
        </div>
      )}

      <div className="approval__block">
        <h4 className="approval__subtitle">{t("calendar.approval.next")}</h4>
        {dirty && <p className="approval__muted">{t("calendar.approval.saveFirst")}</p>}
        {post.allowedNext.length === 0 && <p className="approval__muted">{t("calendar.approval.final")}</p>}
        <div className="calendar-drawer__transitions">
          {post.allowedNext.map((to: PostStatus) => {
            const blocked = to === "approved" && approveBlockers.length > 0;
            return (
              <Button
                key={to}
                variant={to === "approved" ? "primary" : "secondary"}
                disabled={dirty || blocked}
                busy={transition.isPending && transition.variables?.to === to}
                onClick={() => void run(() => transition.mutateAsync({ id: post.id, to })).then((ok) => ok && onMoved())}
                data-testid={`post-to-${to}`}
              >
                {t(`calendar.transition.${to}`)}
              </Button>
            );
          })}
        </div>
        {post.allowedNext.includes("approved") && approveBlockers.length > 0 && (
          <ul className="approval__blockers" data-testid="approve-blockers">
            {approveBlockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        )}
      </div>

      <div className="approval__block">
        <h4 className="approval__subtitle">{t("calendar.approval.comments")}</h4>
        {comments.isSuccess && comments.data.length === 0 && <p className="approval__muted">{t("calendar.approval.noComments")}</p>}
        <ul className="approval__comments" data-testid="post-comments">
          {(comments.data ?? []).map((c) => (
            <li key={c.id}>
              <span className="approval__meta">
                {c.authorName} · {when(c.createdAt, locale)}
              </span>
              <p className="approval__comment-body">{c.body}</p>
            </li>
          ))}
        </ul>
        <div className="approval__add-comment">
          <select className="input" aria-label={t("calendar.approval.commentAs")} value={author} onChange={(e) => setAuthor(e.target.value)} data-testid="comment-author">
            <option value="">{t("calendar.approval.you")}</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          <input
            className="input"
            aria-label={t("calendar.approval.comment")}
            placeholder={t("calendar.approval.commentPlaceholder")}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                if (comment.trim()) void run(() => addComment.mutateAsync({ id: post.id, authorId: author || null, body: comment })).then((ok) => ok && setComment(""));
              }
            }}
            data-testid="comment-input"
          />
          <Button
            disabled={!comment.trim()}
            busy={addComment.isPending}
            onClick={() => void run(() => addComment.mutateAsync({ id: post.id, authorId: author || null, body: comment })).then((ok) => ok && setComment(""))}
            data-testid="comment-add"
          >
            {t("calendar.approval.addComment")}
          </Button>
        </div>
      </div>

      <details className="approval__block approval__history">
        <summary>{t("calendar.approval.history", { count: history.data?.length ?? 0 })}</summary>
        <ol data-testid="post-history">
          {(history.data ?? []).map((h) => (
            <li key={h.id}>
              <span className="approval__meta">{when(h.at, locale)}</span> {h.actorName}:{" "}
              {h.from ? t("calendar.approval.moved", { from: t(`calendar.status.${h.from}`), to: t(`calendar.status.${h.to}`) }) : t("calendar.approval.created", { to: t(`calendar.status.${h.to}`) })}
              {h.note && h.note !== "Created" && <span className="approval__muted"> — {h.note}</span>}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
