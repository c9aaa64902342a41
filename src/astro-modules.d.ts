// Plain `tsc` (used for scripts and tests) cannot read .astro files; `astro check` types them fully.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
