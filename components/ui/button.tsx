import { cva, type VariantProps } from "class-variance-authority";
import Link from "next/link";
import { Slot } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "./cn";

export const buttonVariants = cva(
  "inline-flex items-center justify-center gap-2 rounded-md text-sm font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed",
  {
    variants: {
      variant: {
        primary: "bg-blue-700 text-white hover:bg-blue-800 disabled:bg-blue-300",
        secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 disabled:text-slate-400",
        danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-red-300",
        ghost: "text-slate-700 hover:bg-slate-100 disabled:text-slate-400",
        link: "text-blue-800 underline underline-offset-2 hover:text-blue-950 disabled:text-slate-400",
      },
      size: {
        md: "px-4 py-2",
        sm: "px-2.5 py-1 text-xs",
        // Links-as-buttons sit inline in text: no box of their own.
        inline: "p-0",
        icon: "size-9",
      },
    },
    defaultVariants: { variant: "primary", size: "md" },
  },
);

type ButtonProps = ComponentProps<"button"> & VariantProps<typeof buttonVariants> & { asChild?: boolean };

/** A button; `asChild` lends its look to the single child instead (a link, a Radix trigger). */
export function Button({ className, variant, size, asChild = false, type = "button", ...props }: ButtonProps) {
  const Component = asChild ? Slot.Root : "button";
  return <Component className={cn(buttonVariants({ variant, size }), className)} type={asChild ? undefined : type} {...props} />;
}

export function ButtonLink({ className, variant, size, ...props }: ComponentProps<typeof Link> & VariantProps<typeof buttonVariants>) {
  return <Link className={cn(buttonVariants({ variant, size }), className)} {...props} />;
}
