import { z } from "zod";
import { taskRunById } from "@/lib/data/task-runs";
import { routeHandler } from "@/lib/http/route-handler";
import { idSchema } from "@/lib/validation/fields";

/** A background task's progress, polled by <TaskProgress>: the CIO and admins only (403 for others). */
export const GET = routeHandler({ name: "GET /api/tasks/[id]", params: z.object({ id: idSchema }) }, async ({ actor, params }) => taskRunById(actor, params.id));
