// Safety concerns: who may do what (A = wessex, B = oxford). The domain functions' own checks, with
// the database, are in tests/integration/concerns-*.test.ts.
import type { MatrixRow } from "./types";

const everyone = ["anonymous", "patientA", "staffA", "leadA", "staffB", "leadB", "national", "admin"] as const;

export const rows: MatrixRow[] = [
  {
    action: "concern.create",
    on: "a new concern for A",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id }),
    allowed: [...everyone],
  },
  {
    action: "concern.track",
    on: "a concern whose tracking link they hold",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id }),
    allowed: [...everyone],
  },
  {
    action: "concern.readOwn",
    on: "A's concern raised by patientA while signed in",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id, ownerId: c.viewers.patientA.userId }),
    allowed: ["patientA"],
  },
  {
    action: "concern.readOwn",
    on: "an anonymous concern (no reporter account)",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id, ownerId: null }),
    allowed: [],
  },
  {
    action: "concern.replyTracked",
    on: "a concern whose tracking link they hold (reply and rate the response)",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id }),
    allowed: [...everyone],
  },
  {
    action: "concern.replyOwn",
    on: "A's concern raised by patientA while signed in (reply and rate the response)",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id, ownerId: c.viewers.patientA.userId }),
    allowed: ["patientA"],
  },
  {
    action: "concern.replyOwn",
    on: "an anonymous concern (no reporter account): nobody replies from My concerns",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id, ownerId: null }),
    allowed: [],
  },
  {
    action: "concern.triage",
    on: "A's concern",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id }),
    allowed: ["leadA"],
  },
  {
    action: "concern.triage",
    on: "B's concern",
    resource: (c) => ({ collaborativeId: c.collaborativeB.id }),
    allowed: ["leadB"],
  },
  {
    action: "concern.revealContact",
    on: "A's concern's contact details",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id }),
    allowed: ["leadA"],
  },
  {
    action: "concern.revealContact",
    on: "B's concern's contact details",
    resource: (c) => ({ collaborativeId: c.collaborativeB.id }),
    allowed: ["leadB"],
  },
  {
    action: "concern.release",
    on: "A's concern held as possibly automated",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id }),
    allowed: ["leadA"],
  },
  {
    action: "concern.release",
    on: "B's concern held as possibly automated",
    resource: (c) => ({ collaborativeId: c.collaborativeB.id }),
    allowed: ["leadB"],
  },
  {
    action: "concern.discard",
    on: "A's concern held as possibly automated",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id }),
    allowed: ["leadA"],
  },
  {
    action: "concern.discard",
    on: "B's concern held as possibly automated",
    resource: (c) => ({ collaborativeId: c.collaborativeB.id }),
    allowed: ["leadB"],
  },
  {
    action: "concern.readDeidentified",
    on: "A's de-identified concerns",
    resource: (c) => ({ collaborativeId: c.collaborativeA.id }),
    allowed: ["leadA", "national", "admin"],
  },
];
