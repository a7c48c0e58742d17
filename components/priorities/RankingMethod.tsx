import { formatNumber, pluralise } from "@/lib/format";

/** The counting method in plain words, stated on every round page (it must match lib/priorities/borda.ts). */
export function RankingMethod({ candidateCount }: { candidateCount: number }) {
  const n = Math.max(candidateCount, 2);
  return (
    <details className="mb-6 bg-white p-4">
      <summary className="cursor-pointer font-bold text-nhs-blue">How the rankings are counted (Borda count)</summary>
      <div className="mt-4 text-base">
        <p>
          Each person ranks as many candidates as they like: 1 for the one that matters most to them, 2 for the next,
          and so on. Each person ranks once per round.
        </p>
        <p>
          With {formatNumber(n)} candidates, a candidate ranked 1st on someone&rsquo;s ranking gets{" "}
          {pluralise(n - 1, "point")}, 2nd gets {pluralise(n - 2, "point")}, and so on. A candidate someone did not rank
          gets no points from them. The candidate with the most points comes first.
        </p>
        <p>
          If two candidates have the same points, the one more people ranked 1st comes first; if that is equal too, the
          one more people ranked 2nd, and so on. Candidates that are equal on all of these share a place.
        </p>
        <p className="mb-0">
          Results are shown for everyone together and separately for patients and carers and for staff (collaborative
          leads count as staff), so that what patients and carers chose is visible. The leads then decide, and explain
          their decision.
        </p>
      </div>
    </details>
  );
}
