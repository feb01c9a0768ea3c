import { z } from "zod";
import { idSchema } from "@/lib/validation/fields";

/** "Retry" on a failed email: which one. */
export const retryEmailSchema = z.object({ emailId: idSchema });
