// Vietnamese by default, English one click away. Every visible word comes from MESSAGES (messages.ts):
// key → [Vietnamese, English]; tests/browser checks that every key used has both.
import { createContext, ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { MESSAGES, MessageKey } from './messages';

export type Lang = 'vi' | 'en';
const STORAGE_KEY = 'giftflow.lang';

interface LangContext { lang: Lang; setLang: (l: Lang) => void }
const Context = createContext<LangContext>({ lang: 'vi', setLang: () => undefined });

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi'));
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(STORAGE_KEY, l);
    setLangState(l);
  }, []);
  return <Context.Provider value={{ lang, setLang }}>{children}</Context.Provider>;
}

export const useLang = () => useContext(Context);

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** `t('key', {n: 3})`: the message in the current language, `{n}` replaced. */
export function useT(): Translate {
  const { lang } = useLang();
  return useCallback((key, vars) => {
    const pair = MESSAGES[key];
    let text: string = pair ? pair[lang === 'vi' ? 0 : 1] : key;
    if (vars) for (const [k, v] of Object.entries(vars)) text = text.split(`{${k}}`).join(String(v));
    return text;
  }, [lang]);
}
