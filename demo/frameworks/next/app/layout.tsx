import type { Metadata } from 'next';
import type { ReactNode } from 'react';
// Each Agir element's place before its module has run: nothing moves while the page hydrates.
import '@agir/elements/agir.css';

// The endpoint every Agir element on the page uses, read where the page renders (here at build time).
const endpoint = process.env.AGIR_ENDPOINT ?? 'http://localhost:8787/api/v1';

export const metadata: Metadata = {
  title: 'Agir in Next.js',
  other: { 'agir:endpoint': endpoint },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
