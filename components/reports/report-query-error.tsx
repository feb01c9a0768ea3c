import Link from "next/link";

/** A period in the URL that is not one: say what is wrong and offer the default report. */
export function ReportQueryError({ message, href }: { message: string; href: string }) {
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
      <p className="font-medium">{message}</p>
      <p className="mt-1">
        <Link href={href} className="text-blue-800 underline">
          Show last month&apos;s report
        </Link>{" "}
        or choose a month above.
      </p>
    </div>
  );
}
