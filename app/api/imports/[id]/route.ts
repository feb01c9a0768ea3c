import { z } from "zod";
import { getCsvImportProgress } from "@/lib/data/csv-imports";
import { routeHandler } from "@/lib/http/route-handler";
import { idSchema } from "@/lib/validation/fields";

/** A CSV import's progress, polled by <ImportProgress>: its uploader, the CIO and admins (404 for anyone else). */
export const GET = routeHandler({ name: "GET /api/imports/[id]", params: z.object({ id: idSchema }) }, ({ actor, params }) => getCsvImportProgress(actor, params.id));
