import type { Metadata } from "next";

export const metadata: Metadata = { title: "Privacy" };

export default function PrivacyPage() {
  return (
    <>
      <h1>How we use your information</h1>
      <h2>If you raise a safety concern</h2>
      <p>
        You do not have to give your name or contact details. If you choose to, they are encrypted and can be seen only
        by the leads of the collaborative your concern goes to, who use them to reply to you. Every time a lead views
        them it is recorded.
      </p>
      <p>
        Your contact details are deleted 12 months after your concern is closed, or 12 months after anything last
        happened on it if it is never closed, unless the collaborative has set a shorter period. The national team sees
        only counts and descriptions the collaborative has checked contain nothing that could identify you.
      </p>
      <h2>If you have an account</h2>
      <p>
        We keep your name, email address and the collaboratives you belong to. You can ask an administrator for a copy
        of everything we hold about you, or to delete your personal details; records of improvement work and concerns
        are kept without them.
      </p>
      <p>
        When you sign in or make a change that we record, we keep your IP address with the record, to investigate
        misuse. We delete it after 90 days. If you are invited to join a collaborative and do not accept, the invitation
        and your email address are deleted 30 days after the invitation expires.
      </p>
    </>
  );
}
