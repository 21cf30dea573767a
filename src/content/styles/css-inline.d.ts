/** `import css from './x.css?inline'`: Vite hands over the stylesheet as a minified string. */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
