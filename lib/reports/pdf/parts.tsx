import path from "node:path";
import { Document, Font, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { formatDateTime } from "../../format";
import { omittedLine } from "../format";

// The PDFs' building blocks: an A4 page with the report's title, numbered footer, and sections
// that avoid starting at a page's foot.

// The app's own typeface (the geist package ships TTFs): Latin scripts beyond the PDF standard
// fonts' Latin-1 (ł, ő, →) render, where Helvetica would print gaps.
const fonts = path.join(process.cwd(), "node_modules/geist/dist/fonts/geist-sans");
Font.register({
  family: "Geist",
  fonts: [
    { src: path.join(fonts, "Geist-Regular.ttf") },
    { src: path.join(fonts, "Geist-Bold.ttf"), fontWeight: 700 },
  ],
});
// Words are not split with hyphens the reader did not write.
Font.registerHyphenationCallback((word) => [word]);

export const styles = StyleSheet.create({
  page: { paddingTop: 40, paddingBottom: 56, paddingHorizontal: 44, fontFamily: "Geist", fontSize: 10, color: "#0f172a" },
  title: { fontSize: 18, fontWeight: 700, marginBottom: 4 },
  subtitle: { fontSize: 10, color: "#475569", marginBottom: 2 },
  intro: { fontSize: 10, marginTop: 8, marginBottom: 4, lineHeight: 1.4 },
  section: { marginTop: 14 },
  heading: { fontSize: 13, fontWeight: 700, marginBottom: 4, color: "#1e3a8a" },
  item: { marginBottom: 5, lineHeight: 1.4 },
  itemTitle: { fontWeight: 700 },
  muted: { color: "#475569" },
  empty: { color: "#475569", fontStyle: "normal" },
  // No lineHeight on the page: a page number (a `render` Text) inheriting one is not drawn at all (react-pdf 4.9).
  footer: { position: "absolute", bottom: 24, left: 44, right: 44, fontSize: 8, color: "#64748b", flexDirection: "row", justifyContent: "space-between" },
  bars: { flexDirection: "row", alignItems: "flex-end", height: 90, marginTop: 6, marginBottom: 4 },
  bar: { flex: 1, marginHorizontal: 4, alignItems: "center", justifyContent: "flex-end" },
  barFill: { width: "70%", backgroundColor: "#1d4ed8" },
  barLabel: { fontSize: 8, color: "#475569", marginTop: 2, textAlign: "center" },
});

export function ReportDocument({ title, subtitle, generatedAt, children }: { title: string; subtitle: string; generatedAt: Date; children: ReactNode }) {
  return (
    <Document title={title} author="Rapport" creator="Rapport" producer="Rapport" language="en-GB">
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>{title}</Text>
        <Text style={styles.subtitle}>{subtitle}</Text>
        {children}
        <View style={styles.footer} fixed>
          <Text>Made by Rapport on {formatDateTime(generatedAt)}</Text>
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}

/** A heading kept with the first lines after it (minPresenceAhead), then its items or the empty state. */
export function Section({ title, empty, omitted = 0, children }: { title: string; empty: string; omitted?: number; children: ReactNode[] }) {
  return (
    <View style={styles.section}>
      <Text style={styles.heading} minPresenceAhead={40}>
        {title}
      </Text>
      {children.length > 0 ? children : <Text style={styles.empty}>{empty}</Text>}
      {omitted > 0 && <Text style={styles.muted}>{omittedLine(omitted)}</Text>}
    </View>
  );
}

export function Item({ title, lines = [] }: { title: string; lines?: (string | null | false)[] }) {
  return (
    <View style={styles.item} wrap={false}>
      <Text style={styles.itemTitle}>{title}</Text>
      {lines.filter((line): line is string => Boolean(line)).map((line, i) => (
        <Text key={i} style={styles.muted}>
          {line}
        </Text>
      ))}
    </View>
  );
}
