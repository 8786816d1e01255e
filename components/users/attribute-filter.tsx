"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { controlClass } from "@/components/ui/field";
import { usersHref, type UsersView } from "@/components/users/users-url";
import type { AttributePublic } from "@/lib/schemas/attributes";

const filterName = (key: string) => `attribute.${key}` as const;

/**
 * Filters the table on one of the installation's attributes, as the API does
 * (`attribute.<key>=<value>` in the URL, so the export link carries it too): choose the
 * attribute, then its value. Text is applied after a pause in typing.
 */
export function AttributeFilter({ view, attributes }: { view: UsersView; attributes: AttributePublic[] }) {
  const router = useRouter();
  const active = attributes.find((attribute) => view[filterName(attribute.key)] !== undefined);
  const [key, setKey] = useState(active?.key ?? "");
  const [value, setValue] = useState(active ? (view[filterName(active.key)] ?? "") : "");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const chosen = attributes.find((attribute) => attribute.key === key);

  const apply = (nextKey: string, nextValue: string) => {
    const cleared = Object.fromEntries(attributes.map((attribute) => [filterName(attribute.key), undefined]));
    const filter = nextKey && nextValue.trim() ? { [filterName(nextKey)]: nextValue.trim() } : {};
    router.replace(usersHref(view, { ...cleared, ...filter, page: undefined }));
  };
  const choose = (nextKey: string) => {
    setKey(nextKey);
    setValue("");
    if (active) apply("", "");
  };
  const change = (nextValue: string, { wait }: { wait: boolean }) => {
    setValue(nextValue);
    clearTimeout(timer.current);
    if (wait) timer.current = setTimeout(() => apply(key, nextValue), 300);
    else apply(key, nextValue);
  };

  const choices = chosen?.type === "boolean" ? ["true", "false"] : chosen?.type === "enum" ? chosen.options : null;
  return (
    <>
      <div className="space-y-1">
        <label htmlFor="users-attribute" className="block text-sm font-medium">
          Attribute
        </label>
        <select id="users-attribute" value={key} onChange={(event) => choose(event.target.value)} className={controlClass}>
          <option value="">Any attribute</option>
          {attributes.map((attribute) => (
            <option key={attribute.key} value={attribute.key}>
              {attribute.label}
            </option>
          ))}
        </select>
      </div>
      {chosen ? (
        <div className="space-y-1">
          <label htmlFor="users-attribute-value" className="block text-sm font-medium">
            {chosen.label} is
          </label>
          {choices ? (
            <select
              id="users-attribute-value"
              value={value}
              onChange={(event) => change(event.target.value, { wait: false })}
              className={controlClass}
            >
              <option value="">Any value</option>
              {choices.map((choice) => (
                <option key={choice} value={choice}>
                  {choice}
                </option>
              ))}
            </select>
          ) : (
            <input
              id="users-attribute-value"
              type={chosen.type === "date" ? "date" : chosen.type === "number" ? "number" : "text"}
              step={chosen.type === "number" ? "any" : undefined}
              value={value}
              onChange={(event) => change(event.target.value, { wait: chosen.type !== "date" })}
              className={controlClass}
            />
          )}
        </div>
      ) : null}
    </>
  );
}
