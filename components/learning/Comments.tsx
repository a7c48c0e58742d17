import { formatDateTime, pluralise } from "@/lib/format";
import type { CommentView } from "@/lib/learning/queries";
import { moderateCommentAction } from "@/lib/learning/actions";
import { ActionButton } from "./ActionButton";
import { CommentForm } from "./CommentForm";

const MAX_DEPTH = 4;

function Thread({
  comments,
  itemId,
  canReply,
  canModerate,
  depth,
}: {
  comments: CommentView[];
  itemId: string;
  canReply: boolean;
  canModerate: boolean;
  depth: number;
}) {
  return (
    <ul className={`mb-0 list-none p-0 ${depth > 0 ? "mt-4 border-l-4 border-nhs-grey-4 pl-4" : ""}`}>
      {comments.map((c) => (
        <li key={c.id} id={`comment-${c.id}`} className="mb-4 bg-white p-4">
          <p className="mb-2 text-sm text-nhs-secondary-text">
            <strong className="text-nhs-text">{c.authorName}</strong>
            {c.authorCollaborative && <> · {c.authorCollaborative}</>} · {formatDateTime(c.createdAt)}
          </p>
          {c.hidden && (
            <p className="mb-2 font-bold">
              {c.body === null
                ? "This comment was hidden by a moderator."
                : "Hidden by a moderator (only moderators see the text):"}
            </p>
          )}
          {c.body !== null && <p className="mb-2 whitespace-pre-line">{c.body}</p>}
          <div className="flex flex-wrap gap-4">
            {canModerate && (
              <ActionButton
                action={moderateCommentAction}
                hidden={{ id: c.id, hidden: c.hidden ? "false" : "true" }}
                label={c.hidden ? "Restore comment" : "Hide comment"}
                variant={c.hidden ? "secondary" : "warning"}
              />
            )}
          </div>
          {canReply && !c.hidden && depth < MAX_DEPTH && (
            <details className="mt-2">
              <summary className="cursor-pointer text-nhs-blue underline">
                Reply<span className="sr-only"> to {c.authorName}</span>
              </summary>
              <div className="mt-3">
                <CommentForm learningItemId={itemId} parentId={c.id} label={`Your reply to ${c.authorName}`} />
              </div>
            </details>
          )}
          {c.replies.length > 0 && (
            <Thread
              comments={c.replies}
              itemId={itemId}
              canReply={canReply}
              canModerate={canModerate}
              depth={depth + 1}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

/** Questions and answers between staff of different collaboratives; the item's collaborative lead moderates. */
export function Comments({
  itemId,
  comments,
  count,
  canComment,
  canModerate,
  signInHref,
  published,
}: {
  itemId: string;
  comments: CommentView[] | null;
  count: number;
  canComment: boolean;
  canModerate: boolean;
  signInHref: string;
  published: boolean;
}) {
  return (
    <section className="mb-10" aria-labelledby="questions-heading">
      <h2 id="questions-heading">Questions and answers</h2>
      {comments === null ? (
        <p>
          {count === 0
            ? "No questions yet."
            : `${pluralise(count, "question or answer", "questions and answers")} from staff.`}{" "}
          Staff of any collaborative can <a href={signInHref}>sign in</a> to read them and ask the team.
        </p>
      ) : (
        <>
          {comments.length === 0 && (
            <p>
              No questions yet. Ask the team how they did it, what they would do differently, or how it might work where
              you are.
            </p>
          )}
          <Thread
            comments={comments}
            itemId={itemId}
            canReply={canComment && published}
            canModerate={canModerate}
            depth={0}
          />
          {canComment && published && (
            <CommentForm learningItemId={itemId} label="Ask a question or share your experience" />
          )}
        </>
      )}
    </section>
  );
}
